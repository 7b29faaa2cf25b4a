using DualPrevention.Core.Data;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The one place that decides a zone's colour on every plan view — the four-colour map, the live map's headcounts, the
/// muster roll: the highest level of its linked units' risk events, or the colour chosen for it where no linked unit is
/// assessed (docs/domain/dual-prevention.md#47-aggregation-and-history). Read in the caller's tenant scope.
/// </summary>
internal static class ZoneMapColors
{
    /// <summary>A zone's map colour and whether it came from the register.</summary>
    internal readonly record struct Shown(RiskColor Color, bool FromRegister);

    /// <summary>The colour of each of <paramref name="zones"/>, keyed by zone id.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, Shown>> ReadAsync(DualPreventionDbContext db, IReadOnlyCollection<Zone> zones, CancellationToken cancellationToken)
    {
        var zoneIds = zones.Select(z => z.Id).ToList();
        var assessed = await (from link in db.Set<ZoneUnitLink>().AsNoTracking()
                              join riskEvent in db.Set<RiskEvent>() on link.UnitId equals riskEvent.UnitId
                              where zoneIds.Contains(link.ZoneId) && !riskEvent.IsDeleted
                              group riskEvent by link.ZoneId into byZone
                              select new { ZoneId = byZone.Key, Level = byZone.Min(e => e.Level) })
            .ToDictionaryAsync(x => x.ZoneId, x => x.Level, cancellationToken);
        return zones.ToDictionary(
            z => z.Id,
            z => assessed.TryGetValue(z.Id, out var level) ? new Shown(RiskColors.Of(level), true) : new Shown(z.RiskColor, false));
    }
}
