using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Monitoring;

/// <summary>The monitoring points of one major hazard source with their live state, by code: the editor's list and the duty page's values.</summary>
public static class ListMonitoringPoints
{
    /// <param name="Band">The confirmed band; <paramref name="PendingBand"/> the band the latest value is in (not yet held for the debounce).</param>
    /// <param name="Interrupted">True while the point is silent beyond its intervals.</param>
    public sealed record Item(
        Guid Id, string Code, string Name, MonitoringPointKind Kind, string Unit, double RangeLow, double RangeHigh,
        double? LowLow, double? Low, double? High, double? HighHigh, int DebounceSeconds, int IntervalSeconds,
        double? LastValue, DateTimeOffset? LastReadAt, LimitBand Band, LimitBand PendingBand, bool Interrupted);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such major hazard source in the caller's scope.</exception>
        public async Task<IReadOnlyList<Item>> HandleAsync(Guid majorHazardSourceId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.MajorHazardSources.AnyAsync(m => m.Id == majorHazardSourceId, cancellationToken))
            {
                throw new NotFoundException(CoreText.Get("MajorHazards.Source.NotFound"));
            }

            return await (
                from p in db.Set<MonitoringPoint>()
                join s in db.Set<MonitoringPointState>() on p.Id equals s.PointId into states
                from s in states.DefaultIfEmpty()
                where p.MajorHazardSourceId == majorHazardSourceId
                orderby p.Code
                select new Item(
                    p.Id, p.Code, p.Name, p.Kind, p.Unit, p.RangeLow, p.RangeHigh, p.LowLow, p.Low, p.High, p.HighHigh, p.DebounceSeconds, p.IntervalSeconds,
                    s == null ? null : s.LastValue, s == null ? null : s.LastReadAt, s == null ? LimitBand.Normal : s.Band,
                    s == null ? LimitBand.Normal : s.PendingBand, s != null && s.InterruptedSince != null))
                .AsNoTracking().ToListAsync(cancellationToken);
        }
    }
}
