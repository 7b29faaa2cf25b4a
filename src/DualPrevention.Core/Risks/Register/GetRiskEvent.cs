using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>One risk event with its current assessment.</summary>
public static class GetRiskEvent
{
    /// <param name="Score">R = L × S or D = L × E × C.</param>
    /// <param name="BandTableId">The band table the level was computed with.</param>
    public sealed record View(
        Guid Id, Guid EnterpriseId, Guid UnitId, RiskEventDetails Details, decimal Score, RiskLevel Level, Guid BandTableId, int MeasureCount, DateTimeOffset UpdatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live event with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await Project(db, db.RiskEvents.Where(e => e.Id == id)).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
        }

        internal static IQueryable<View> Project(DualPreventionDbContext db, IQueryable<RiskEvent> events) =>
            events.AsNoTracking().Select(e => new View(
                e.Id,
                e.EnterpriseId,
                e.UnitId,
                new RiskEventDetails(e.Name, e.AccidentType, new RiskAssessmentInput(e.Method, e.L, e.S, e.E, e.C)),
                e.Score,
                e.Level,
                e.BandTableId,
                db.ControlMeasures.Count(m => m.EventId == e.Id),
                e.UpdatedAt));
    }
}
