using DualPrevention.Core.Reports.Exports;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="RunReportExport"/>: one requested export (the handler narrows the report to the
/// export's region). Retried by Hangfire on failure; a completed export is not written again.
/// </summary>
public sealed class RunReportExportJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="exportId">The <see cref="ReportExport"/> to write.</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(Guid exportId, CancellationToken cancellationToken) =>
        InSystemScopeAsync<RunReportExport.Handler>(handler => handler.HandleAsync(exportId, cancellationToken));
}
