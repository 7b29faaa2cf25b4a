using DualPrevention.Core.Inspections;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="CloseInspectionWindows"/>: opens started windows and marks ended ones missed. A retry
/// is harmless: a missed window's 未排查 record is keyed by the window's id.
/// </summary>
public sealed class CloseInspectionWindowsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<CloseInspectionWindows.Handler>(handler => handler.HandleAsync(cancellationToken));
}
