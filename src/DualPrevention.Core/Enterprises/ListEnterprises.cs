using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Enterprises;

/// <summary>The enterprises visible in the caller's scope: searchable, sortable, paged.</summary>
public static class ListEnterprises
{
    /// <summary>Sort keys.</summary>
    public enum SortBy
    {
        Name = 1,
        ShortCode = 2,
        Region = 3,
        CreatedAt = 4,
    }

    /// <param name="Search">Matches name, short code or credit code (case-insensitive substring).</param>
    /// <param name="RegionCode">Optional city or county to narrow to.</param>
    public sealed record Query(string? Search = null, string? RegionCode = null, SortBy Sort = SortBy.Name, bool Descending = false, int Page = 1, int PageSize = 20);

    /// <summary>A list row.</summary>
    public sealed record Row(
        Guid Id, string ShortCode, string Name, string UnifiedSocialCreditCode, string RegionCode, string CountyName,
        EnterpriseKinds Kinds, EnterpriseStatus Status, bool IsMajorHazardEnterprise);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprises = db.Enterprises.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{EscapeLike(query.Search.Trim())}%";
                enterprises = enterprises.Where(e =>
                    EF.Functions.ILike(e.Name, pattern, "\\") || EF.Functions.ILike(e.ShortCode, pattern, "\\")
                    || EF.Functions.ILike(e.UnifiedSocialCreditCode, pattern, "\\"));
            }

            if (query.RegionCode is { Length: 6 } regionCode && Regions.RegionCodes.IsValid(regionCode))
            {
                var prefix = Regions.RegionCodes.Prefix(regionCode);
                enterprises = enterprises.Where(e => e.RegionCode.StartsWith(prefix));
            }

            var total = await enterprises.CountAsync(cancellationToken);
            enterprises = (query.Sort, query.Descending) switch
            {
                (SortBy.ShortCode, false) => enterprises.OrderBy(e => e.ShortCode),
                (SortBy.ShortCode, true) => enterprises.OrderByDescending(e => e.ShortCode),
                (SortBy.Region, false) => enterprises.OrderBy(e => e.RegionCode).ThenBy(e => e.Name),
                (SortBy.Region, true) => enterprises.OrderByDescending(e => e.RegionCode).ThenBy(e => e.Name),
                (SortBy.CreatedAt, false) => enterprises.OrderBy(e => e.CreatedAt),
                (SortBy.CreatedAt, true) => enterprises.OrderByDescending(e => e.CreatedAt),
                (_, false) => enterprises.OrderBy(e => e.Name).ThenBy(e => e.Id),
                (_, true) => enterprises.OrderByDescending(e => e.Name).ThenBy(e => e.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await enterprises
                .Skip((page - 1) * size)
                .Take(size)
                .Select(e => new Row(
                    e.Id, e.ShortCode, e.Name, e.UnifiedSocialCreditCode, e.RegionCode,
                    db.Regions.Where(r => r.Code == e.RegionCode).Select(r => r.Name).FirstOrDefault() ?? e.RegionCode,
                    e.Kinds, e.Status, e.IsMajorHazardEnterprise))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(rows, total, page, size);
        }

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
