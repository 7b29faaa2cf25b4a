using DualPrevention.Core.Escalations;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// Hangfire's entry to the notifications: fans the escalation records not yet notified out into inboxes and deliveries
/// (<see cref="NotifyEscalations"/>, ADR 0010), then sends the deliveries due (<see cref="DeliverNotifications"/>) —
/// those just written and every other pending one, escalation or not — and the group robots' posts due
/// (<see cref="DeliverGroupRobotMessages"/>, ADR 0019).
/// </summary>
public sealed class DeliverNotificationsJob(IServiceScopeFactory scopes) : SystemScopeJob(scopes)
{
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    public Task RunAsync(CancellationToken cancellationToken) =>
        InSystemScopeAsync(async services =>
        {
            await services.GetRequiredService<NotifyEscalations.Handler>().HandleAsync(cancellationToken);
            await services.GetRequiredService<DeliverNotifications.Handler>().HandleAsync(cancellationToken);
            await services.GetRequiredService<DeliverGroupRobotMessages.Handler>().HandleAsync(cancellationToken);
        });
}
