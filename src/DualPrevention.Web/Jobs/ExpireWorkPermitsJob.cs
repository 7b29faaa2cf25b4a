using DualPrevention.Core.Permits;

namespace DualPrevention.Web.Jobs;

/// <summary>Hangfire's entry to <see cref="ExpireWorkPermits"/>: open permits past their validity expire and their work must stop (§4.16).</summary>
public sealed class ExpireWorkPermitsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<ExpireWorkPermits.Handler>(handler => handler.HandleAsync(cancellationToken));
}
