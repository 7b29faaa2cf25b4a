using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="RefreshInspectionStatistics"/> (recurring job <see cref="Id"/>, every 5 minutes,
/// after the window job's minute): recounts the days whose windows changed, in the system tenant scope. A retry
/// recomputes the same days; a first run rebuilds everything.
/// </summary>
public sealed class RefreshInspectionStatisticsJob(IServiceScopeFactory scopes)
{
    /// <summary>Stable recurring-job id (STYLE principle 6).</summary>
    public const string Id = "reports:refresh-statistics";

    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(cancellationToken);
    }
}
