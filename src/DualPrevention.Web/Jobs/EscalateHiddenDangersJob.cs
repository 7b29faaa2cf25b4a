using DualPrevention.Core.Escalations;

namespace DualPrevention.Web.Jobs;

/// <summary>Hangfire's entry to <see cref="EscalateHiddenDangers"/>: climbs the escalation ladder one step where a step is due.</summary>
public sealed class EscalateHiddenDangersJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<EscalateHiddenDangers.Handler>(handler => handler.HandleAsync(cancellationToken));
}
