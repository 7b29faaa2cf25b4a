using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The background job of one export: computes the report (or reads the ledger, ADR 0035) in the scope of the export's
/// region (or enterprise) — never wider than the requester could see — streams it to the file store, records progress every
/// <see cref="ProgressEvery"/> rows and completes (or fails with the reason). Safe to retry: a retry writes the
/// file again from the start and replaces the earlier attempt's only when complete; a completed export is left alone.
/// </summary>
public static class RunReportExport
{
    /// <summary>Rows between two progress updates of a compliance report.</summary>
    public const int ProgressEvery = 100;

    /// <summary>Where a requester finds their exports (the reports page's 我的导出), linked from the ready notice.</summary>
    public const string ExportsPage = "reports";

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
                var tenant = export.EnterpriseId is { } enterpriseId
                    ? TenantScope.ForEnterprise(enterpriseId, export.RequestedByUserId, export.RequestedByName)
                    : TenantScope.ForRegion(export.RegionCode, export.RequestedByUserId, export.RequestedByName);
                scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = tenant;
                var storedName = $"{export.Id:N}.{ReportFiles.Extension(export.Format)}";
                var size = export.Kind == ReportExportKind.HiddenDangerLedger
                    ? await WriteLedgerAsync(db, scope.ServiceProvider, export, tenant, storedName, cancellationToken)
                    : await WriteComplianceReportAsync(db, scope.ServiceProvider, export, storedName, cancellationToken);
                export.Complete(storedName, size, clock.GetUtcNow());
                if (export.Kind == ReportExportKind.HiddenDangerLedger && export.RequestedByUserId is { } requester)
                {
                    // In the same save as the completion: a retry after it finds the export complete and tells no one twice.
                    // A regulator's export belongs to their region, and so does its notice.
                    db.Notifications.Add(Notification.Create(
                        export.EnterpriseId, export.RegionCode, requester, new LedgerExportReadyNotice(export.FileName, export.RowsTotal ?? 0), ExportsPage, clock.GetUtcNow()));
                }

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

        private async Task<long> WriteComplianceReportAsync(
            DualPreventionDbContext db, IServiceProvider services, ReportExport export, string storedName, CancellationToken cancellationToken)
        {
            var period = ReportPeriod.Parse(export.PeriodCode);
            var report = await services.GetRequiredService<ComputeComplianceReport.Handler>()
                .HandleAsync(new ComputeComplianceReport.Query(period, export.EnterpriseId is null ? export.RegionCode : null), cancellationToken);
            export.Start(report.Rows.Count);
            await db.SaveChangesAsync(cancellationToken);

            var requester = await DescribeReportRequester.DescribeAsync(db, export.RequestedByUserId, export.RequestedByName, cancellationToken);
            var culture = await DescribeReportRequester.CultureAsync(db, export.RequestedByUserId, cancellationToken);
            var header = new ComplianceReportHeader(period, report.RegionCode, report.RegionName, clock.GetUtcNow(), requester, culture);
            return await store.SaveAsync(
                storedName,
                stream => ComplianceReportFile.WriteAsync(export.Format, header, WithProgress(report.Rows, export.Id, cancellationToken), stream, cancellationToken),
                cancellationToken);
        }

        /// <summary>
        /// The ledger with the filters it was requested with, in the requester's scope and language, streamed from the
        /// database to the file (ADR 0035).
        /// </summary>
        private async Task<long> WriteLedgerAsync(
            DualPreventionDbContext db, IServiceProvider services, ReportExport export, TenantScope tenant, string storedName, CancellationToken cancellationToken)
        {
            var query = JsonSerializer.Deserialize<ListHiddenDangers.Query>(export.LedgerQuery!, ExportHiddenDangerLedger.QueryJson)!;
            export.Start(export.RowsTotal ?? 0);
            await db.SaveChangesAsync(cancellationToken);

            var culture = await DescribeReportRequester.CultureAsync(db, export.RequestedByUserId, cancellationToken);
            var (ui, formatting) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (culture, culture);
            try
            {
                await using var ledger = await services.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken);
                return await store.SaveAsync(
                    storedName,
                    stream => ExportHiddenDangerLedger.WriteAsync(ledger, tenant, query, export.Format, clock.GetUtcNow(), stream, (rows, ct) => ProgressAsync(export.Id, rows, ct), cancellationToken),
                    cancellationToken);
            }
            finally
            {
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formatting);
            }
        }

        private async Task ProgressAsync(Guid exportId, int written, CancellationToken cancellationToken)
        {
            await using var progress = await dbFactory.CreateDbContextAsync(cancellationToken);
            await progress.ReportExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s.SetProperty(e => e.RowsWritten, written), cancellationToken);
        }

        private async IAsyncEnumerable<ComplianceReportRow> WithProgress(
            IReadOnlyList<ComplianceReportRow> rows, Guid exportId, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0 && i % ProgressEvery == 0)
                {
                    await ProgressAsync(exportId, i, cancellationToken);
                }

                yield return rows[i];
            }
        }
    }
}
