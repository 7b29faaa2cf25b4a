using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's device credentials without their secrets (nothing can show a secret again; ADR 0036).</summary>
public static class ListDeviceCredentials
{
    /// <param name="Search">Matches the name or the broker user name (case-insensitive substring).</param>
    /// <param name="Revoked">True: only revoked; false: only usable ones; null: all.</param>
    public sealed record Query(string? Search = null, bool? Revoked = null, RegistrySort Sort = RegistrySort.CreatedAt, bool Descending = true, int Page = 1, int PageSize = 20);

    public sealed record Row(Guid Id, string Name, string Username, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the registry.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = db.Set<DeviceCredential>().AsNoTracking().Where(c => c.EnterpriseId == enterpriseId);
            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                rows = rows.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.Username, pattern, "\\"));
            }

            if (query.Revoked is { } revoked)
            {
                rows = revoked ? rows.Where(c => c.RevokedAt != null) : rows.Where(c => c.RevokedAt == null);
            }

            var total = await rows.CountAsync(cancellationToken);
            rows = (query.Sort, query.Descending) switch
            {
                (RegistrySort.Name, false) => rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
                (RegistrySort.Name, true) => rows.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
                (_, false) => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
                (_, true) => rows.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await rows.Skip((page - 1) * size).Take(size)
                .Select(c => new Row(c.Id, c.Name, c.Username, c.CreatedAt, c.RevokedAt))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
