using DualPrevention.Core.VideoAlarms;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="DeleteExpiredSnapshots"/>: removes video alarm snapshots past their retention whose alarm
/// is closed (ADR 0046). A retry is harmless: what is gone is not found again.
/// </summary>
public sealed class DeleteExpiredSnapshotsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<DeleteExpiredSnapshots.Handler>(handler => handler.HandleAsync(cancellationToken));
}
