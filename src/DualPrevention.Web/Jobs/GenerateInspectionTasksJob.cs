using DualPrevention.Core.Inspections;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="GenerateInspectionTasks"/> for every operating enterprise. Takes no arguments, so a
/// retry simply recomputes from the clock; the handler's advisory lock and unique window key make a retry or an
/// overlapping run harmless (ADR 0007).
/// </summary>
public sealed class GenerateInspectionTasksJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token; committed batches stay.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<GenerateInspectionTasks.Handler>(handler => handler.HandleAsync(new GenerateInspectionTasks.Command(), null, cancellationToken));
}
