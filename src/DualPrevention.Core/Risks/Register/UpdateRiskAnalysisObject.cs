using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.MajorHazards;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// An enterprise corrects a risk analysis object. Linking it to another major hazard source (or none) re-grades its
/// events at once, in the same transaction (ADR 0033).
/// </summary>
public static class UpdateRiskAnalysisObject
{
    public sealed record Command(Guid Id, RiskAnalysisObjectDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskAnalysisObjectDetailsValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live object with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the code is taken, or the major hazard source is unknown.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.RiskAnalysisObjects.FirstOrDefaultAsync(o => o.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            await RiskAnalysisObjectRules.EnsureMajorHazardSourceAsync(db, command.Details, cancellationToken);
            var linkedBefore = row.MajorHazardSourceId;
            var now = clock.GetUtcNow();
            if (row.Update(command.Details, now))
            {
                if (row.MajorHazardSourceId != linkedBefore)
                {
                    await DirectJudgementRegrading.ObjectLinkedAsync(db, row, RiskRegisterPermissions.AssessorName(actor), now, cancellationToken);
                }

                await RegisterSaving.SaveAsync(db, command.Details.HazardCode, cancellationToken);
                if (command.Details.MajorHazardSourceId is { } sourceId)
                {
                    // Linked to a source: its units' 包保 tasks go to the source's persons.
                    await AccountabilityAssignment.FollowSourceAsync(db, sourceId, clock.GetUtcNow(), cancellationToken);
                }
            }
        }
    }
}
