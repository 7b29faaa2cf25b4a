using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>A risk event's assessment history, newest first: who assessed, when, with which inputs, and the result (docs/domain/dual-prevention.md#47-aggregation-and-history).</summary>
public static class GetRiskEventAssessments
{
    /// <param name="AssessedAt">UTC.</param>
    /// <param name="BandTableRegionCode">Region of the band table the level was computed with.</param>
    public sealed record Row(
        Guid Id, DateTimeOffset AssessedAt, string AssessedBy, RiskAssessmentInput Input, decimal Score, RiskLevel Level,
        string BandTableRegionCode, int BandTableVersion);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live event with this id in the caller's scope.</exception>
        public async Task<IReadOnlyList<Row>> HandleAsync(Guid eventId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.RiskEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
            {
                throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            }

            return await (
                    from a in db.RiskAssessments.AsNoTracking()
                    join t in db.RiskBandTables on a.BandTableId equals t.Id
                    where a.EventId == eventId
                    orderby a.CreatedAt descending, a.Id descending
                    select new Row(a.Id, a.CreatedAt, a.AssessedBy, new RiskAssessmentInput(a.Method, a.L, a.S, a.E, a.C), a.Score, a.Level, t.RegionCode, t.Version))
                .ToListAsync(cancellationToken);
        }
    }
}
