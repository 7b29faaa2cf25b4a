using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 审批签字: the account signs the next approval step (docs/domain/special-operations.md#42-signature-order) when the
/// enterprise's mapping gives it the step's function, or it is the work leader's for theirs, and it signed no earlier
/// step (four eyes, ADR 0051);
/// the last one issues the permit with its validity, once the exclusion rules of
/// docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions pass. The handwritten signature and the on-site evidence of §4.3 are the
/// next slice: for now the account and the time are what is kept.
/// </summary>
public static class SignWorkPermit
{
    public sealed record Command(Guid PermitId, string? Opinion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Opinion).MaximumLength(PermitLimits.TextLength);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">An opinion too long.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the permit is not in approval, or the account may not sign the next step (the reasons in the message).</exception>
        public async Task<WorkPermitStatus> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            var permit = await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId,
                async (db, permit, by) => permit.Sign(await PermitSigners.AuthorityAsync(db, permit, by.UserId, cancellationToken), command.Opinion, by, null, clock.GetUtcNow(),
                    permit.IsLastApprovalStep ? await CheckSimultaneousOperations.RefusalsAsync(db, permit, cancellationToken) : null), cancellationToken);
            return permit.Status;
        }
    }
}
