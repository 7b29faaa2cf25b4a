using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 风险四色图 (docs/domain/dual-prevention.md#47-aggregation-and-history): a site plan with its zones, each coloured by the
/// highest level of its linked units' risk events (重大 red, 较大 orange, 一般 yellow, 低 blue,
/// docs/domain/dual-prevention.md#41-risk-levels-and-colours), or by the colour chosen for it where no linked unit is
/// assessed. Read in the caller's tenant scope, so a regulator reads the enterprises of its region and nothing else.
/// </summary>
public static class GetFourColorRiskMap
{
    /// <summary>
    /// A zone as the map shows it; <see cref="FromRegister"/> says the colour came from the linked units, <see cref="Details"/>
    /// holds the colour chosen for it and its other facts.
    /// </summary>
    public sealed record MapZone(
        Guid Id, string Name, Polygon Outline, RiskColor Color, bool FromRegister, bool IsFireExplosionArea, IReadOnlyList<Guid> UnitIds,
        ZoneDetails Details, IReadOnlyList<Guid> MajorHazardSourceIds);

    public sealed record Map(SitePlan Plan, IReadOnlyList<MapZone> Zones);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">The plan is outside the caller's scope.</exception>
        public async Task<Map> HandleAsync(Guid sitePlanId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == sitePlanId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
            var zones = await db.Set<Zone>().AsNoTracking().Include(z => z.UnitLinks).Include(z => z.MajorHazardLinks)
                .Where(z => z.SitePlanId == plan.Id).OrderBy(z => z.Name).ToListAsync(cancellationToken);
            var colors = await ZoneMapColors.ReadAsync(db, zones, cancellationToken);
            return new Map(plan, [.. zones.Select(z => new MapZone(
                z.Id, z.Name, z.Outline, colors[z.Id].Color, colors[z.Id].FromRegister, z.IsFireExplosionArea, [.. z.UnitLinks.Select(l => l.UnitId)],
                z.Details(), [.. z.MajorHazardLinks.Select(l => l.MajorHazardSourceId)]))]);
        }
    }
}
