using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>One risk analysis unit with its computed level.</summary>
public static class GetRiskAnalysisUnit
{
    /// <param name="Level">Highest level of its live events (docs/domain/dual-prevention.md#47-aggregation-and-history); null while it has none.</param>
    public sealed record View(Guid Id, Guid EnterpriseId, Guid ObjectId, RiskAnalysisUnitDetails Details, RiskLevel? Level, int EventCount, DateTimeOffset UpdatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live unit with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Project(db, db.RiskAnalysisUnits.Where(u => u.Id == id)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
        }

        internal static IQueryable<View> Project(DualPreventionDbContext db, IQueryable<RiskAnalysisUnit> units) =>
            units.AsNoTracking().Select(u => new View(
                u.Id,
                u.EnterpriseId,
                u.ObjectId,
                new RiskAnalysisUnitDetails(u.Name, u.Department, u.LiablePerson, u.EmergencyPhone, u.EmergencyMeasures),
                (RiskLevel?)db.RiskEvents.Where(e => e.UnitId == u.Id).Min(e => (int?)e.Level),
                db.RiskEvents.Count(e => e.UnitId == u.Id),
                u.UpdatedAt));
    }
}
