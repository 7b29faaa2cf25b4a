using DualPrevention.Core.Escalations;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Jobs;

public class DeliverNotificationsJobTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_deliver_job_fans_a_fired_step_out_to_the_inbox_tells_the_open_bell_and_delivers_it_through_the_configured_channel()
    {
        var id = await ForcedHiddenDanger.Of(web.Qd1).Major().DueOn(new DateOnly(2027, 1, 31)).SaveAsync(web);
        await using (var services = web.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            (await scope.ServiceProvider.GetRequiredService<EscalateHiddenDangers.Handler>().HandleAsync(CancellationToken.None)).StepsFired.ShouldBe(1);
        }

        await using (var db = web.OwnerContext(TenantScope.System))
        {
            (await db.Notifications.CountAsync(n => n.Link == $"hidden-dangers/{id}")).ShouldBe(0);
        }

        var reviewer = await UserIdAsync("qingdao");
        var signals = 0;
        using (web.Factory.Services.GetRequiredService<NotificationHub>().Subscribe(reviewer, () => Interlocked.Increment(ref signals)))
        {
            await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(web.Factory.Services).RunAsync(CancellationToken.None);
            await ActivatorUtilities.CreateInstance<DeliverNotificationsJob>(web.Factory.Services).RunAsync(CancellationToken.None);
        }

        signals.ShouldBe(1);
        await using var check = web.OwnerContext(TenantScope.System);
        var notice = await check.Notifications.SingleAsync(n => n.Link == $"hidden-dangers/{id}");
        notice.RecipientUserId.ShouldBe(reviewer);
        var delivery = await check.NotificationDeliveries.SingleAsync(d => d.NotificationId == notice.Id);
        (delivery.Channel, delivery.Status, delivery.Attempts).ShouldBe((LoggingNotificationChannel.ChannelName, DeliveryStatus.Delivered, 1));
        (await check.EscalationRecords.SingleAsync(r => r.SubjectId == id)).NotifiedAt.ShouldNotBeNull();
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = web.OwnerContext(TenantScope.System);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
