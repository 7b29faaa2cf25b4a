using DualPrevention.Core.Escalations;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Web.Jobs;

/// <summary>Hangfire entry point of <c>hidden-dangers:escalate</c>: runs <see cref="EscalateHiddenDangers"/> in the system scope.</summary>
public sealed class EscalateHiddenDangersJob(IServiceScopeFactory scopes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<EscalateHiddenDangers.Handler>().HandleAsync(cancellationToken);
    }
}

/// <summary>
/// Hangfire entry point of <c>notifications:deliver</c>, in the system scope: fans the escalation records not yet
/// notified out into inboxes and deliveries (<see cref="NotifyEscalations"/>, ADR 0010), then sends the deliveries
/// due (<see cref="DeliverNotifications"/>) — those just written and every other pending one, escalation or not.
/// </summary>
public sealed class DeliverNotificationsJob(IServiceScopeFactory scopes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<NotifyEscalations.Handler>().HandleAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DeliverNotifications.Handler>().HandleAsync(cancellationToken);
    }
}
