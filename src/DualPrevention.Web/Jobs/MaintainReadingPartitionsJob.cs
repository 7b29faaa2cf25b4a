using DualPrevention.Core.Monitoring;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="MaintainReadingPartitions"/>: the reading history's monthly partitions made ahead and
/// dropped after their retention (ADR 0050). A retry is harmless.
/// </summary>
public sealed class MaintainReadingPartitionsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<MaintainReadingPartitions.Handler>(handler => handler.HandleAsync(cancellationToken));
}
