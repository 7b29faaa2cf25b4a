using DualPrevention.Core.Positioning;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="MaintainTrackPartitions"/>: the track's daily partitions made ahead and dropped after
/// their retention (ADR 0038). A retry is harmless: a made partition is not made again, a dropped one is gone.
/// </summary>
public sealed class MaintainTrackPartitionsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<MaintainTrackPartitions.Handler>(handler => handler.HandleAsync(cancellationToken));
}
