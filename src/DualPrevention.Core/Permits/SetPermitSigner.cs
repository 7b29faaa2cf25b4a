using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// Sets what one account of the enterprise signs (ADR 0051): the functions of the approval matrix it holds and the
/// registry person it is, whose work-leader steps it signs. Every row added or removed is audited.
/// </summary>
public static class SetPermitSigner
{
    public sealed record Command(Guid UserId, IReadOnlyList<PermitOrgRole> Functions, Guid? PersonId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Functions).NotNull();
            RuleForEach(c => c.Functions).IsInEnum()
                .Must(f => !PermitSigningAuthority.IsWorkLeaderStep(f)).WithMessage(_ => CoreText.Get("Permit.Signers.WorkLeaderByPerson"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">An unknown function, or the work leader's given as a function.</exception>
        /// <exception cref="DomainRuleException">The actor may not keep the mapping, or the person is another account's already.</exception>
        /// <exception cref="NotFoundException">The account or the person is not the actor's enterprise's.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PermitSignerPermissions.EnsureCanManage(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            if (!await db.Users.AnyAsync(u => u.Id == command.UserId && u.EnterpriseId == enterpriseId, cancellationToken))
            {
                throw new NotFoundException(CoreText.Get("Permit.Signers.AccountNotFound"));
            }

            if (command.PersonId is { } personId)
            {
                if (!await db.Set<Person>().AnyAsync(p => p.Id == personId && p.EnterpriseId == enterpriseId, cancellationToken))
                {
                    throw new NotFoundException(CoreText.Get("Permit.PersonNotInRegistry"));
                }

                if (await db.Set<PermitSigner>().AnyAsync(s => s.PersonId == personId && s.UserId != command.UserId, cancellationToken))
                {
                    throw new DomainRuleException(CoreText.Get("Permit.Signers.PersonHasAccount"));
                }
            }

            var wanted = command.Functions.Distinct().Select(f => (Function: f, PersonId: (Guid?)null)).ToList();
            if (command.PersonId is { } id)
            {
                wanted.Add((PermitOrgRole.WorkLeader, id));
            }

            var existing = await db.Set<PermitSigner>().Where(s => s.UserId == command.UserId).ToListAsync(cancellationToken);
            db.RemoveRange(existing.Where(s => !wanted.Contains((s.Function, s.PersonId))));
            db.AddRange(wanted.Where(w => !existing.Any(s => s.Function == w.Function && s.PersonId == w.PersonId))
                .Select(w => PermitSigner.Of(enterpriseId, region, w.Function, command.UserId, w.PersonId)));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
