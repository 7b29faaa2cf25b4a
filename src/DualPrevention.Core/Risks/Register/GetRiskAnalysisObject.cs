using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>One risk analysis object with its computed level.</summary>
public static class GetRiskAnalysisObject
{
    /// <param name="Level">Highest level of its live events (docs/domain/dual-prevention.md#47-aggregation-and-history); null while it has none.</param>
    public sealed record View(Guid Id, Guid EnterpriseId, RiskAnalysisObjectDetails Details, RiskLevel? Level, int UnitCount, DateTimeOffset UpdatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live object with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Project(db, db.RiskAnalysisObjects.Where(o => o.Id == id)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
        }

        /// <summary>Objects as views; the level is a MIN over the events in SQL (a lower value is a higher risk).</summary>
        internal static IQueryable<View> Project(DualPreventionDbContext db, IQueryable<RiskAnalysisObject> objects) =>
            objects.AsNoTracking().Select(o => new View(
                o.Id,
                o.EnterpriseId,
                new RiskAnalysisObjectDetails(o.ObjectType, o.HazardCode, o.Name, o.Department, o.LiablePerson, o.MajorHazardSourceId),
                (RiskLevel?)db.RiskEvents.Where(e => db.RiskAnalysisUnits.Any(u => u.Id == e.UnitId && u.ObjectId == o.Id)).Min(e => (int?)e.Level),
                db.RiskAnalysisUnits.Count(u => u.ObjectId == o.Id),
                o.UpdatedAt));
    }
}
