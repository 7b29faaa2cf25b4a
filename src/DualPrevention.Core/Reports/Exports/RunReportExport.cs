using System.Runtime.CompilerServices;
using DualPrevention.Core.Data;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The background job of one export: computes the report in the scope of the export's region (or enterprise) —
/// never wider than the requester could see — streams it to the file store, records progress every
/// <see cref="ProgressEvery"/> rows and completes (or fails with the reason). Safe to retry: a retry writes the
/// file again from the start and replaces the earlier attempt's only when complete; a completed export is left alone.
/// </summary>
public static class RunReportExport
{
    /// <summary>Rows between two progress updates.</summary>
    public const int ProgressEvery = 100;

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory, IServiceScopeFactory scopes, IReportFileStore store, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Runs in the system scope (the job's); returns false when the export does not exist or is already complete.</summary>
        public async Task<bool> HandleAsync(Guid exportId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var export = await db.ReportExports.SingleOrDefaultAsync(e => e.Id == exportId, cancellationToken);
            if (export is null || export.Status == ReportExportStatus.Completed)
            {
                return false;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = export.EnterpriseId is { } enterpriseId
                    ? TenantScope.ForEnterprise(enterpriseId, export.RequestedByUserId, export.RequestedByName)
                    : TenantScope.ForRegion(export.RegionCode, export.RequestedByUserId, export.RequestedByName);
                var period = ReportPeriod.Parse(export.PeriodCode);
                var report = await scope.ServiceProvider.GetRequiredService<ComputeComplianceReport.Handler>()
                    .HandleAsync(new ComputeComplianceReport.Query(period, export.EnterpriseId is null ? export.RegionCode : null), cancellationToken);
                export.Start(report.Rows.Count);
                await db.SaveChangesAsync(cancellationToken);

                var requester = await DescribeReportRequester.DescribeAsync(db, export.RequestedByUserId, export.RequestedByName, cancellationToken);
                var culture = await DescribeReportRequester.CultureAsync(db, export.RequestedByUserId, cancellationToken);
                var header = new ComplianceReportHeader(period, report.RegionCode, report.RegionName, clock.GetUtcNow(), requester, culture);
                var storedName = $"{export.Id:N}.{ReportFiles.Extension(export.Format)}";
                var size = await store.SaveAsync(
                    storedName,
                    stream => ComplianceReportFile.WriteAsync(export.Format, header, WithProgress(report.Rows, export.Id, cancellationToken), stream, cancellationToken),
                    cancellationToken);
                export.Complete(storedName, size, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Report export {ExportId} failed", exportId);
                db.ChangeTracker.Clear();
                await db.ReportExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(
                    s => s.SetProperty(e => e.Status, ReportExportStatus.Failed).SetProperty(e => e.Error, exception.Message).SetProperty(e => e.CompletedAt, clock.GetUtcNow()),
                    CancellationToken.None);
                throw;
            }
        }

        private async IAsyncEnumerable<ComplianceReportRow> WithProgress(
            IReadOnlyList<ComplianceReportRow> rows, Guid exportId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0 && i % ProgressEvery == 0)
                {
                    var written = i;
                    await using var progress = await dbFactory.CreateDbContextAsync(cancellationToken);
                    await progress.ReportExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s.SetProperty(e => e.RowsWritten, written), cancellationToken);
                }

                yield return rows[i];
            }
        }
    }
}
