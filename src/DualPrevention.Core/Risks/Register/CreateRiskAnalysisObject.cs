using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise adds a risk analysis object (the top of its risk tree, docs/domain/dual-prevention.md#32-risk-analysis-object).</summary>
public static class CreateRiskAnalysisObject
{
    public sealed record Command(RiskAnalysisObjectDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskAnalysisObjectDetailsValidator _validator = new();

        /// <summary>Creates the object and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the code is taken, or the major hazard source is unknown.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await RiskAnalysisObjectRules.EnsureMajorHazardSourceAsync(db, command.Details, cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var row = RiskAnalysisObject.Create(enterpriseId, regionCode, command.Details, clock.GetUtcNow());
            db.RiskAnalysisObjects.Add(row);
            await RegisterSaving.SaveAsync(db, command.Details.HazardCode, cancellationToken);
            return row.Id;
        }
    }
}
