using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="GenerateInspectionTasks"/> (recurring job <see cref="Id"/>, hourly): every operating
/// enterprise, system tenant scope. Takes no arguments, so a retry simply recomputes from the clock; the
/// handler's advisory lock and unique window key make a retry or an overlapping run harmless (ADR 0007).
/// </summary>
public sealed class GenerateInspectionTasksJob(IServiceScopeFactory scopes)
{
    /// <summary>Stable recurring-job id (STYLE principle 6).</summary>
    public const string Id = "inspections:generate-tasks";

    /// <param name="cancellationToken">Hangfire's shutdown token; committed batches stay.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command(), null, cancellationToken);
    }
}
