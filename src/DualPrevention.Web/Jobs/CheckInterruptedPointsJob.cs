using DualPrevention.Core.Monitoring;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="CheckInterruptedPoints"/>: monitoring points silent for several of their intervals
/// raise a data-interruption alarm (ADR 0050). A retry is harmless: a point already marked is skipped.
/// </summary>
public sealed class CheckInterruptedPointsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<CheckInterruptedPoints.Handler>(handler => handler.HandleAsync(cancellationToken));
}
