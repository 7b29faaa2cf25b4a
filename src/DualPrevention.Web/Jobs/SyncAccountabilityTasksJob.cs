using DualPrevention.Core.Risks.MajorHazards;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="SyncAccountabilityTasks"/>: every source's persons get their 包保 list and definitions.
/// A retry is harmless: the sync adds nothing a source already carries.
/// </summary>
public sealed class SyncAccountabilityTasksJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<SyncAccountabilityTasks.Handler>(handler => handler.HandleAsync(cancellationToken));
}
