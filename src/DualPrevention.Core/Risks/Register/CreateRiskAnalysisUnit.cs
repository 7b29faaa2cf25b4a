using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise adds a risk analysis unit (device, facility or area) to an object (docs/domain/dual-prevention.md#33-risk-analysis-unit).</summary>
public static class CreateRiskAnalysisUnit
{
    public sealed record Command(Guid ObjectId, RiskAnalysisUnitDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskAnalysisUnitDetailsValidator _validator = new();

        /// <summary>Creates the unit and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live object with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the object has a unit of this name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var parent = await db.RiskAnalysisObjects.Where(o => o.Id == command.ObjectId)
                .Select(o => new { o.EnterpriseId, o.RegionCode })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var row = RiskAnalysisUnit.Create(parent.EnterpriseId, parent.RegionCode, command.ObjectId, command.Details, clock.GetUtcNow());
            db.RiskAnalysisUnits.Add(row);
            await RegisterSaving.SaveAsync(db, command.Details.Name, cancellationToken);
            return row.Id;
        }
    }
}
