using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>The permits the reader's scope holds, one page at a time: filtered by type and state, searched by number, content or place, sorted.</summary>
public static class ListWorkPermits
{
    public enum Sort
    {
        AppliedNewestFirst = 1,
        AppliedOldestFirst = 2,
        PlannedStart = 3,
        Number = 4,
    }

    public sealed record Query(SpecialOperationType? Type, WorkPermitStatus? Status, string? Search, Sort SortBy, int Page, int PageSize);

    public sealed record Row(
        Guid Id, string Number, SpecialOperationType Type, string? Grade, WorkPermitStatus Status, string WorkContent, string LocationText,
        DateTimeOffset AppliedAt, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, DateTimeOffset? ValidUntil);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permits = db.Set<WorkPermit>().AsNoTracking();
            if (query.Type is { } type)
            {
                permits = permits.Where(p => p.Type == type);
            }

            if (query.Status is { } status)
            {
                permits = permits.Where(p => p.Status == status);
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{query.Search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
                permits = permits.Where(p => EF.Functions.ILike(p.Number, pattern) || EF.Functions.ILike(p.WorkContent, pattern) || EF.Functions.ILike(p.LocationText, pattern));
            }

            var total = await permits.CountAsync(cancellationToken);
            var sorted = query.SortBy switch
            {
                Sort.AppliedOldestFirst => permits.OrderBy(p => p.AppliedAt).ThenBy(p => p.Id),
                Sort.PlannedStart => permits.OrderBy(p => p.PlannedStart).ThenBy(p => p.Id),
                Sort.Number => permits.OrderBy(p => p.Number).ThenBy(p => p.Id),
                _ => permits.OrderByDescending(p => p.AppliedAt).ThenByDescending(p => p.Id),
            };
            var rows = await sorted.Skip((page - 1) * pageSize).Take(pageSize)
                .Select(p => new { p.Id, p.Number, p.Type, p.HotWorkGrade, p.HeightClass, p.LiftingGrade, p.Status, p.WorkContent, p.LocationText, p.AppliedAt, p.PlannedStart, p.PlannedEnd, p.ValidUntil })
                .ToListAsync(cancellationToken);
            return new Paged<Row>(
                [.. rows.Select(p => new Row(p.Id, p.Number, p.Type, GradeKey(p.HotWorkGrade, p.HeightClass, p.LiftingGrade), p.Status, p.WorkContent, p.LocationText, p.AppliedAt, p.PlannedStart, p.PlannedEnd, p.ValidUntil))],
                total, page, pageSize);
        }
    }

    /// <summary>The grade as a text key (<c>HotWorkGrade.Level1</c>, <c>HeightClass.II</c>), null for ungraded types.</summary>
    public static string? GradeKey(HotWorkGrade? hotWork, HeightClass? height, LiftingGrade? lifting) =>
        hotWork is { } h ? $"HotWorkGrade.{h}" : height is { } c ? $"HeightClass.{c}" : lifting is { } l ? $"LiftingGrade.{l}" : null;
}
