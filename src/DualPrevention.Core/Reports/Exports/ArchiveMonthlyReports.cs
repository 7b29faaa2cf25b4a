using DualPrevention.Core.Data;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The monthly job (<c>reports:archive-monthly</c>, the 1st of each month, Asia/Shanghai): refreshes the statistics,
/// then makes the previous month's report of every city with enterprises and of each province, in xlsx and pdf, and
/// keeps them for download (who: "system", when: the export's times). Idempotent: the archive is unique per (region,
/// month, format), a rerun makes only what is missing or failed; a failure fails the job so Hangfire retries it.
/// </summary>
public static class ArchiveMonthlyReports
{
    /// <summary>The formats archived.</summary>
    public static readonly IReadOnlyList<ReportFormat> Formats = [ReportFormat.Xlsx, ReportFormat.Pdf];

    /// <summary>Who the archive names as its maker.</summary>
    public const string SystemName = "system";

    /// <param name="Period">The month archived.</param>
    /// <param name="Made">Archives written by this run.</param>
    public sealed record Result(ReportPeriod Period, int Made);

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory, RefreshInspectionStatistics.Handler refresh, RunReportExport.Handler run, TimeProvider clock,
        ILogger<Handler> logger)
    {
        /// <exception cref="InvalidOperationException">Some archives failed (each export row holds its reason).</exception>
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var lastMonth = BusinessTime.LocalDate(now).AddMonths(-1);
            var period = ReportPeriod.Month(lastMonth.Year, lastMonth.Month);
            await refresh.HandleAsync(cancellationToken);

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var counties = await db.Enterprises.Select(e => e.RegionCode).Distinct().ToListAsync(cancellationToken);
            var regions = counties.Select(RegionCodes.CityOf).Concat(counties.Select(c => string.Concat(c.AsSpan(0, 2), "0000"))).Distinct().Order(StringComparer.Ordinal).ToList();
            var names = await db.Regions.Where(r => regions.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
            var existing = await db.ReportExports.Where(e => e.IsMonthlyArchive && e.PeriodCode == period.Code)
                .Select(e => new { e.RegionCode, e.Format }).ToListAsync(cancellationToken);
            foreach (var region in regions)
            {
                foreach (var format in Formats.Where(f => !existing.Contains(new { RegionCode = region, Format = f })))
                {
                    db.ReportExports.Add(ReportExport.Request(
                        null, region, period, format, ReportFiles.FileName(names.GetValueOrDefault(region, region), period, format, ReportText.Chinese), null, SystemName, isMonthlyArchive: true, now));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            var pending = await db.ReportExports.Where(e => e.IsMonthlyArchive && e.PeriodCode == period.Code && e.Status != ReportExportStatus.Completed)
                .OrderBy(e => e.RegionCode).ThenBy(e => e.Format).Select(e => e.Id).ToListAsync(cancellationToken);
            var made = 0;
            var failed = 0;
            foreach (var id in pending)
            {
                try
                {
                    made += await run.HandleAsync(id, cancellationToken) ? 1 : 0;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    failed++;
                    logger.LogWarning(exception, "Monthly archive {ExportId} failed; the job will be retried", id);
                }
            }

            return failed == 0 ? new Result(period, made) : throw new InvalidOperationException($"{failed} of {pending.Count} monthly report archives for {period.Code} failed.");
        }
    }
}
