using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>The caller's own exports and the monthly archives of the regions in their scope, newest first, paged.</summary>
public static class ListReportExports
{
    /// <param name="ArchivesOnly">Only the monthly archives.</param>
    /// <param name="OwnOnly">Only the caller's own requests, no archives (the page's 我的导出); ignored with <paramref name="ArchivesOnly"/>.</param>
    public sealed record Query(bool ArchivesOnly = false, int Page = 1, int PageSize = 20, bool OwnOnly = false);

    /// <param name="Percent">Rows written ÷ rows in whole percent; null before the rows are known.</param>
    public sealed record Item(
        Guid Id, string RegionCode, string PeriodCode, ReportFormat Format, ReportExportStatus Status, int RowsWritten, int? RowsTotal, int? Percent,
        string FileName, long? SizeBytes, string RequestedByName, bool IsMonthlyArchive, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? Error);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Item>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var userId = actor.Scope.UserId;
            var exports = query.ArchivesOnly ? db.ReportExports.Where(e => e.IsMonthlyArchive)
                : query.OwnOnly ? db.ReportExports.Where(e => !e.IsMonthlyArchive && e.RequestedByUserId == userId)
                : db.ReportExports.Where(e => e.IsMonthlyArchive || e.RequestedByUserId == userId);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var total = await exports.CountAsync(cancellationToken);
            var items = await exports.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
                .Skip((page - 1) * size).Take(size)
                .ToListAsync(cancellationToken);
            return new Paged<Item>(items.Select(ToItem).ToList(), total, page, size);
        }
    }

    internal static Item ToItem(ReportExport e) => new(
        e.Id, e.RegionCode, e.PeriodCode, e.Format, e.Status, e.RowsWritten, e.RowsTotal,
        e.RowsTotal is > 0 and var rows ? Reports.Percent.Round(Reports.Percent.Of(e.RowsWritten, rows)) : null,
        e.FileName, e.SizeBytes, e.RequestedByName, e.IsMonthlyArchive, e.CreatedAt, e.CompletedAt, e.Error);
}
