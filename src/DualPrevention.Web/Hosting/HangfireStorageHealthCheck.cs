using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualPrevention.Web.Hosting;

/// <summary>Ready when Hangfire's PostgreSQL storage answers a statistics query.</summary>
internal sealed class HangfireStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var statistics = storage.GetMonitoringApi().GetStatistics();
            return Task.FromResult(HealthCheckResult.Healthy($"{statistics.Servers} server(s), {statistics.Enqueued} enqueued"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage did not answer", ex));
        }
    }
}
