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

/// <summary>Hangfire entry point of <c>notifications:deliver</c>: runs <see cref="DeliverNotifications"/> in the system scope.</summary>
public sealed class DeliverNotificationsJob(IServiceScopeFactory scopes)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<DeliverNotifications.Handler>().HandleAsync(cancellationToken);
    }
}
