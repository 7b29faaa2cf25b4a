using DualPrevention.Core.Alarms;

namespace DualPrevention.Web.Jobs;

/// <summary>Hangfire's entry to <see cref="EscalateUnconfirmedAlarms"/>: tells the duty roles, then the city bureau, of alarms nobody confirmed in time.</summary>
public sealed class EscalateUnconfirmedAlarmsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync<EscalateUnconfirmedAlarms.Handler>(handler => handler.HandleAsync(cancellationToken));
}
