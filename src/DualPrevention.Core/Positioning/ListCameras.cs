using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The cameras in the reader's scope (an enterprise's own, a regulator's region), searchable by name, device id or
/// vendor, sortable, paged; each with its site plan's and zone's names. The site plan page draws one plan's cameras.
/// </summary>
public static class ListCameras
{
    /// <param name="Active">True: only cameras in use; false: only retired ones; null: all.</param>
    public sealed record Query(
        string? Search = null, Guid? SitePlanId = null, bool? Active = true, RegistrySort Sort = RegistrySort.Name, bool Descending = false, int Page = 1, int PageSize = 20);

    public sealed record Row(
        Guid Id, Guid EnterpriseId, string Name, string DeviceId, string StreamUrl, Guid? SitePlanId, string? SitePlanName, double? X, double? Y,
        Guid? ZoneId, string? ZoneName, string? Vendor, bool HasAnalytics, DateTimeOffset? RetiredAt, DateTimeOffset CreatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var cameras = db.Set<Camera>().AsNoTracking();
            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                cameras = cameras.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.DeviceId, pattern, "\\")
                    || (c.Vendor != null && EF.Functions.ILike(c.Vendor, pattern, "\\")));
            }

            if (query.SitePlanId is { } planId)
            {
                cameras = cameras.Where(c => c.SitePlanId == planId);
            }

            if (query.Active is { } active)
            {
                cameras = active ? cameras.Where(c => c.RetiredAt == null) : cameras.Where(c => c.RetiredAt != null);
            }

            var total = await cameras.CountAsync(cancellationToken);
            cameras = (query.Sort, query.Descending) switch
            {
                (RegistrySort.CreatedAt, false) => cameras.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
                (RegistrySort.CreatedAt, true) => cameras.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
                (_, false) => cameras.OrderBy(c => c.Name).ThenBy(c => c.Id),
                (_, true) => cameras.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await cameras.Skip((page - 1) * size).Take(size)
                .Select(c => new Row(
                    c.Id, c.EnterpriseId, c.Name, c.DeviceId, c.StreamUrl, c.SitePlanId,
                    db.Set<SitePlan>().Where(p => p.Id == c.SitePlanId).Select(p => p.Name).FirstOrDefault(),
                    c.Position == null ? null : c.Position.X, c.Position == null ? null : c.Position.Y,
                    c.ZoneId, db.Set<Zone>().Where(z => z.Id == c.ZoneId).Select(z => z.Name).FirstOrDefault(),
                    c.Vendor, c.HasAnalytics, c.RetiredAt, c.CreatedAt))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
