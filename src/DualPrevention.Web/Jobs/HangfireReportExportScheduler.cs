using DualPrevention.Core.Reports.Exports;
using Hangfire;

namespace DualPrevention.Web.Jobs;

/// <summary>Queues requested exports as Hangfire background jobs.</summary>
internal sealed class HangfireReportExportScheduler(IBackgroundJobClient jobs) : IReportExportScheduler
{
    public void Enqueue(Guid exportId) => jobs.Enqueue<RunReportExportJob>(job => job.RunAsync(exportId, CancellationToken.None));
}
