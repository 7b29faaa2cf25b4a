using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Grading;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// An enterprise adds a risk event to a unit and assesses it (docs/domain/dual-prevention.md#34-risk-event,
/// docs/domain/dual-prevention.md#4-risk-assessment): the score and level are computed under the band table in force
/// for the enterprise's region, lifted by a matching direct-judgement rule (ADR 0033), and the first assessment starts the history.
/// </summary>
public static class CreateRiskEvent
{
    public sealed record Command(Guid UnitId, RiskEventDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskEventDetailsValidator _validator = new();

        /// <summary>Creates and assesses the event and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed or an input is off its scale.</exception>
        /// <exception cref="NotFoundException">No live unit with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the unit has an event of this name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var parent = await db.RiskAnalysisUnits.Where(u => u.Id == command.UnitId)
                .Select(u => new { u.EnterpriseId, u.RegionCode })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var now = clock.GetUtcNow();
            var input = command.Details.Assessment.Normalized();
            var bands = await BandTables.InForceAsync(db, input.Method, parent.RegionCode, now, cancellationToken);
            var row = RiskEvent.Create(parent.EnterpriseId, parent.RegionCode, command.UnitId, command.Details.Name, command.Details.AccidentType, now);
            db.RiskEvents.Add(row);
            var judgement = await UnitDirectJudgement.ForUnitAsync(db, command.UnitId, parent.RegionCode, now, cancellationToken);
            db.RiskAssessments.Add(row.Assess(input, bands, RiskRegisterPermissions.AssessorName(actor), now, judgement));
            await RegisterSaving.SaveAsync(db, command.Details.Name, cancellationToken);
            return row.Id;
        }
    }
}
