using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 作废重开: a signed permit is never altered (§4.18); it is voided with the reason and a new draft with the corrected
/// content takes its place, numbered afresh and linked to it (ADR 0045).
/// </summary>
public static class VoidAndReissueWorkPermit
{
    public sealed record Command(Guid PermitId, string Reason, WorkPermitContent Content);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).NotEmpty().MaximumLength(PermitLimits.TextLength);
            RuleFor(c => c.Content).NotNull().SetValidator(new WorkPermitContentValidator());
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <returns>The new draft's id and number.</returns>
        /// <exception cref="ValidationException">No reason, or the content is incomplete.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the permit is not signed, or the content is of another type.</exception>
        public async Task<(Guid Id, string Number)> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PermitPermissions.EnsureCanAct(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var old = await PermitUnitOfWork.LoadAsync(db, command.PermitId, cancellationToken);
            await ApplyForWorkPermit.EnsureContentAsync(db, command.Content, cancellationToken);
            var by = await PermitUnitOfWork.ActorAsync(db, actor, cancellationToken);
            var measures = await ApplyForWorkPermit.MeasuresAsync(db, command.Content.Details.Type, cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await ApplyForWorkPermit.NextNumberAsync(db, old.EnterpriseId, old.RegionCode, command.Content.Details.Type, now, cancellationToken);
            var (replacement, created) = WorkPermit.Draft(old.EnterpriseId, old.RegionCode, number, command.Content, measures, by, now);
            var voided = old.Void(command.Reason, replacement, by, now);
            db.Add(replacement);
            db.Add(created);
            await PermitUnitOfWork.SaveAsync(db, voided, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (replacement.Id, replacement.Number);
        }
    }
}
