using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's emergency musters, newest first, with their counts (ADR 0041); read in the caller's tenant scope.</summary>
public static class ListMusters
{
    public sealed record Query(Guid EnterpriseId, int Page = 1, int PageSize = 20);

    public sealed record Row(Guid Id, DateTimeOffset StartedAt, string StartedBy, MusterCounts AtStart, DateTimeOffset? ClosedAt, string? ClosedBy, MusterCounts? AtClose);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var (page, pageSize) = (Paging.ClampPage(query.Page), Paging.ClampPageSize(query.PageSize));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var musters = db.Set<Muster>().AsNoTracking().Where(m => m.EnterpriseId == query.EnterpriseId);
            var total = await musters.CountAsync(cancellationToken);
            var rows = await musters.OrderByDescending(m => m.StartedAt).Skip((page - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken);
            return new Paged<Row>(
                [.. rows.Select(m => new Row(m.Id, m.StartedAt, m.StartedByName, m.AtStart, m.ClosedAt, m.ClosedByName, m.AtClose))],
                total, page, pageSize);
        }
    }
}
