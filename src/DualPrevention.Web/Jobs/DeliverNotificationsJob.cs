using DualPrevention.Core.Escalations;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to the notifications: fans the escalation records not yet notified out into inboxes and deliveries
/// (<see cref="NotifyEscalations"/>, ADR 0010), then sends the deliveries due (<see cref="DeliverNotifications"/>) —
/// those just written and every other pending one, escalation or not.
/// </summary>
public sealed class DeliverNotificationsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync(async services =>
        {
            await services.GetRequiredService<NotifyEscalations.Handler>().HandleAsync(cancellationToken);
            await services.GetRequiredService<DeliverNotifications.Handler>().HandleAsync(cancellationToken);
        });
}
