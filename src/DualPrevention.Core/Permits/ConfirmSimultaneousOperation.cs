using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 人工确认交叉作业检查项: a named person confirms a distance rule the platform could not measure (a work point missing,
/// or on another plan) for one pair of permits (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions).
/// </summary>
public static class ConfirmSimultaneousOperation
{
    public sealed record Command(Guid PermitId, SimultaneousRule Rule, Guid OtherPermitId, Guid PersonId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Rule).IsInEnum();
            RuleFor(c => c.OtherPermitId).NotEmpty();
            RuleFor(c => c.PersonId).NotEmpty();
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">An unknown rule, or an empty id.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the person is not in the registry, the permit is past its work, or there is no such check to confirm.</exception>
        /// <exception cref="ConflictException">It was confirmed already.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PermitPermissions.EnsureCanAct(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permit = await PermitUnitOfWork.LoadAsync(db, command.PermitId, cancellationToken);
            if (permit.Status is not (WorkPermitStatus.Preparing or WorkPermitStatus.InApproval or WorkPermitStatus.Approved or WorkPermitStatus.Suspended))
            {
                throw new PermitRefusedException(new PermitRefusal("Permit.NotAllowedInStatus", "Permit.Simops.Confirmation", $"WorkPermitStatus.{permit.Status}"));
            }

            var items = await CheckSimultaneousOperations.ItemsAsync(db, permit, cancellationToken);
            var item = items.FirstOrDefault(i => !i.Measured && i.Rule == command.Rule && i.OtherPermitId == command.OtherPermitId)
                ?? throw new PermitRefusedException(new PermitRefusal("Permit.Simops.NothingToConfirm"));
            if (item.ConfirmedAt is not null)
            {
                throw new ConflictException(CoreText.Get("Permit.Simops.AlreadyConfirmed"));
            }

            var name = await PermitUnitOfWork.PersonNameAsync(db, command.PersonId, cancellationToken);
            db.Add(SimultaneousCheckConfirmation.Of(permit, command.Rule, command.OtherPermitId, command.PersonId, name, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
