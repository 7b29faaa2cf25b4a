using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Register;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// An enterprise corrects a major hazard source; the level follows R when R is given. A changed level re-grades the
/// events of the linked objects' units at once, in the same transaction (ADR 0033).
/// </summary>
public static class UpdateMajorHazardSource
{
    public sealed record Command(Guid Id, MajorHazardSourceDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly MajorHazardSourceDetailsValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live source with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the code is taken, or a 包保 person is not of the enterprise.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            var details = MajorHazardGrading.WithComputedLevel(command.Details);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            await MajorHazardSourceRules.EnsurePersonsOfEnterpriseAsync(db, enterpriseId, details, cancellationToken);
            var levelBefore = row.Level;
            row.Update(details, clock.GetUtcNow());
            if (row.Level != levelBefore)
            {
                await DirectJudgementRegrading.SourceGradedAsync(db, row, RiskRegisterPermissions.AssessorName(actor), clock.GetUtcNow(), cancellationToken);
            }

            await RegisterSaving.SaveAsync(db, details.HazardCode, cancellationToken);
            await AccountabilityAssignment.FollowSourceAsync(db, row.Id, clock.GetUtcNow(), cancellationToken);
        }
    }
}
