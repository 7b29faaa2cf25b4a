using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's site plans, those with a scale first (the live map and the track open on the first: positions are in
/// plan metres, which an unscaled picture cannot place), then by name, with how many zones each holds; read in the
/// caller's tenant scope.
/// </summary>
public static class ListSitePlans
{
    public sealed record Row(Guid Id, string Name, int ImageWidth, int ImageHeight, double MetresPerPixel, int Zones);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(Guid enterpriseId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<SitePlan>().AsNoTracking()
                .Where(p => p.EnterpriseId == enterpriseId)
                .OrderByDescending(p => p.IsScaled)
                .ThenBy(p => p.Name)
                .Select(p => new Row(p.Id, p.Name, p.ImageWidth, p.ImageHeight, p.MetresPerPixel, db.Set<Zone>().Count(z => z.SitePlanId == p.Id)))
                .ToListAsync(cancellationToken);
        }
    }
}
