using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Grading;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// An enterprise corrects or re-assesses a risk event. Changed inputs are assessed under the band table in
/// force now and recorded in the history; unchanged inputs keep the level and table they were assessed with,
/// so a new band table applies to new assessments only.
/// </summary>
public static class UpdateRiskEvent
{
    public sealed record Command(Guid Id, RiskEventDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskEventDetailsValidator _validator = new();

        /// <summary>Returns whether a new assessment was recorded.</summary>
        /// <exception cref="ValidationException">A field is malformed or an input is off its scale.</exception>
        /// <exception cref="NotFoundException">No live event with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the unit has another event of this name.</exception>
        public async Task<bool> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.RiskEvents.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var now = clock.GetUtcNow();
            var described = row.Describe(command.Details.Name, command.Details.AccidentType, now);
            var input = command.Details.Assessment.Normalized();
            var reassessed = !row.IsAssessedAs(input);
            if (reassessed)
            {
                var bands = await BandTables.InForceAsync(db, input.Method, row.RegionCode, now, cancellationToken);
                var judgement = await UnitDirectJudgement.ForUnitAsync(db, row.UnitId, row.RegionCode, now, cancellationToken);
                db.RiskAssessments.Add(row.Assess(input, bands, RiskRegisterPermissions.AssessorName(actor), now, judgement));
            }

            if (described || reassessed)
            {
                await RegisterSaving.SaveAsync(db, command.Details.Name, cancellationToken);
            }

            return reassessed;
        }
    }
}
