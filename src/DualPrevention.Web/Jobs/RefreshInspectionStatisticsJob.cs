using DualPrevention.Core.Reports.Statistics;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="RefreshInspectionStatistics"/>: recounts the days whose windows changed. A retry
/// recomputes the same days; a first run rebuilds everything.
/// </summary>
public sealed class RefreshInspectionStatisticsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<RefreshInspectionStatistics.Handler>(handler => handler.HandleAsync(cancellationToken));
}
