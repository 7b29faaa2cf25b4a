using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using Hangfire;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="RunReportExport"/>: one requested export, in the system scope (the handler narrows
/// the report to the export's region). Retried by Hangfire on failure; a completed export is not written again.
/// </summary>
public sealed class RunReportExportJob(IServiceScopeFactory scopes)
{
    /// <param name="exportId">The <see cref="ReportExport"/> to write.</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public async Task RunAsync(Guid exportId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<RunReportExport.Handler>().HandleAsync(exportId, cancellationToken);
    }
}

/// <summary>Hangfire's entry to <see cref="ArchiveMonthlyReports"/> (recurring job <see cref="Id"/>, the 1st of each month).</summary>
public sealed class ArchiveMonthlyReportsJob(IServiceScopeFactory scopes)
{
    /// <summary>Stable recurring-job id (STYLE principle 6).</summary>
    public const string Id = "reports:archive-monthly";

    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<ArchiveMonthlyReports.Handler>().HandleAsync(cancellationToken);
    }
}

/// <summary>Queues requested exports as Hangfire background jobs.</summary>
internal sealed class HangfireReportExportScheduler(IBackgroundJobClient jobs) : IReportExportScheduler
{
    public void Enqueue(Guid exportId) => jobs.Enqueue<RunReportExportJob>(job => job.RunAsync(exportId, CancellationToken.None));
}
