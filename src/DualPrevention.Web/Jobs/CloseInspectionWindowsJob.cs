using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to <see cref="CloseInspectionWindows"/> (recurring job <see cref="Id"/>, every 5 minutes):
/// opens started windows and marks ended ones missed, in the system tenant scope. A retry is harmless: a missed
/// window's 未排查 record is keyed by the window's id.
/// </summary>
public sealed class CloseInspectionWindowsJob(IServiceScopeFactory scopes)
{
    /// <summary>Stable recurring-job id (STYLE principle 6).</summary>
    public const string Id = "inspections:close-windows";

    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<CloseInspectionWindows.Handler>().HandleAsync(cancellationToken);
    }
}
