using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DualPrevention.IntegrationTests.Escalations;

/// <summary>The escalation outbox (ADR 0010): the job records steps only; the fan-out notifies each record once.</summary>
public class EscalationFanOutTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private readonly RecordingChannel _log = new("log");
    private readonly RecordingChannel _sms = new("sms");

    [Fact]
    public async Task The_job_records_the_step_only_and_a_fan_out_run_twice_writes_one_notification_and_one_delivery_per_channel()
    {
        var id = await ForcedHiddenDanger.Of(database.Qd1).Major().DueOn(database.DeadlineAhead(20)).SaveAsync(database);

        (await database.EscalateAsync()).StepsFired.ShouldBe(1);
        (await NotificationsOfAsync(id)).ShouldBeEmpty();
        (await NotifiedAtAsync(id)).ShouldBe([null]);

        (await database.NotifyAsync(_log, _sms)).ShouldBe(new(1, 1));
        (await database.NotifyAsync(_log, _sms)).ShouldBe(new(0, 0));

        var notice = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        notice.RecipientUserId.ShouldBe(await database.UserIdAsync("qingdao"));
        (await ChannelsOfAsync(notice.Id)).ShouldBe(["log", "sms"]);
        (await NotifiedAtAsync(id)).ShouldBe([database.Clock.GetUtcNow()]);
    }

    [Fact]
    public async Task Records_notifications_and_deliveries_get_version_7_ids_stamped_with_the_run()
    {
        var id = await ForcedHiddenDanger.Of(database.Wf1).Major().DueOn(database.DeadlineAhead(20)).SaveAsync(database);
        await database.EscalateAsync();
        await database.NotifyAsync(_log);

        await using var db = database.OwnerContext(TenantScope.System);
        var record = await db.EscalationRecords.SingleAsync(r => r.SubjectId == id);
        var notice = await db.Notifications.SingleAsync(n => n.EscalationRecordId == record.Id);
        var delivery = await db.NotificationDeliveries.SingleAsync(d => d.NotificationId == notice.Id);
        foreach (var made in new[] { record.Id, notice.Id, delivery.Id })
        {
            made.Version.ShouldBe(7);
            Convert.ToInt64(made.ToString("N")[..12], 16).ShouldBe(database.Clock.GetUtcNow().ToUnixTimeMilliseconds());
        }
    }

    [Fact]
    public async Task Two_concurrent_fan_outs_take_each_record_once()
    {
        await database.NotifyAsync();
        var deadline = database.DeadlineAhead(20);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await ForcedHiddenDanger.Of(i % 2 == 0 ? database.Qd2 : database.Wf1).Major().DueOn(deadline).SaveAsync(database));
        }

        (await database.EscalateAsync()).StepsFired.ShouldBe(6);

        var runs = await Task.WhenAll(database.NotifyAsync(_log), database.NotifyAsync(_log));

        runs.Sum(r => r.Records).ShouldBe(6);
        runs.Sum(r => r.Notifications).ShouldBe(6);
        foreach (var id in ids)
        {
            var notice = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
            (await ChannelsOfAsync(notice.Id)).ShouldBe(["log"]);
        }
    }

    [Fact]
    public async Task A_fan_out_that_fails_before_it_commits_leaves_its_batch_pending_and_the_next_run_notifies_once()
    {
        await database.NotifyAsync();
        var id = await ForcedHiddenDanger.Of(database.Wf1).Major().DueOn(database.DeadlineAhead(20)).SaveAsync(database);
        await database.EscalateAsync();

        // The crash comes after the notifications are written, at the deliveries: the statement's last write.
        await AsOwnerAsync("""
            CREATE FUNCTION test_crash() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$;
            CREATE TRIGGER test_crash BEFORE INSERT ON notification_delivery FOR EACH STATEMENT EXECUTE FUNCTION test_crash();
            """);
        try
        {
            (await Should.ThrowAsync<PostgresException>(() => database.NotifyAsync(_log))).MessageText.ShouldBe("simulated crash");
        }
        finally
        {
            await AsOwnerAsync("DROP TRIGGER test_crash ON notification_delivery; DROP FUNCTION test_crash();");
        }

        (await NotificationsOfAsync(id)).ShouldBeEmpty();
        (await NotifiedAtAsync(id)).ShouldBe([null]);

        (await database.NotifyAsync(_log)).ShouldBe(new(1, 1));
        (await database.NotifyAsync(_log)).ShouldBe(new(0, 0));
        var notice = (await NotificationsOfAsync(id)).ShouldHaveSingleItem();
        notice.RecipientUserId.ShouldBe(await database.UserIdAsync("weifang"));
        (await ChannelsOfAsync(notice.Id)).ShouldBe(["log"]);
    }

    [Fact]
    public async Task A_notification_written_without_an_escalation_record_is_left_alone_by_the_fan_out_and_delivered_by_the_same_job()
    {
        var notificationId = Guid.CreateVersion7();
        var recipient = await database.UserIdAsync("demo-qd1-admin");
        await AsOwnerAsync($"""
            INSERT INTO notification (id, enterprise_id, region_code, recipient_user_id, template_key, arguments, link, created_at)
            SELECT '{notificationId}', id, region_code, '{recipient}', 'StoredText', jsonb_build_object('title', '隐患待验收', 'body', '请验收'), NULL, now() FROM enterprise WHERE id = '{database.Qd1}';
            INSERT INTO notification_delivery (id, enterprise_id, region_code, notification_id, channel, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), enterprise_id, region_code, id, 'log', 0, 0, now() - interval '1 minute', now() FROM notification WHERE id = '{notificationId}';
            """);

        await database.NotifyAsync(_log);
        await DeliverAsync();

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Notifications.Where(n => n.TemplateKey == "StoredText").ToListAsync()).Count(n => n.Id == notificationId || n.InChinese().Title == "隐患待验收").ShouldBe(1);
        var delivery = await db.NotificationDeliveries.SingleAsync(d => d.NotificationId == notificationId);
        (delivery.Status, delivery.Attempts).ShouldBe((DeliveryStatus.Delivered, 1));
        _log.Sent.ShouldContain(notificationId);
    }

    private async Task<List<Notification>> NotificationsOfAsync(Guid hiddenDangerId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await (
                from r in db.EscalationRecords
                where r.SubjectId == hiddenDangerId
                join n in db.Notifications on r.Id equals n.EscalationRecordId
                select n)
            .AsNoTracking().ToListAsync();
    }

    private async Task<List<DateTimeOffset?>> NotifiedAtAsync(Guid hiddenDangerId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.EscalationRecords.Where(r => r.SubjectId == hiddenDangerId).Select(r => r.NotifiedAt).ToListAsync();
    }

    private async Task<List<string>> ChannelsOfAsync(Guid notificationId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.NotificationDeliveries.Where(d => d.NotificationId == notificationId).OrderBy(d => d.Channel).Select(d => d.Channel).ToListAsync();
    }

    private async Task AsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task DeliverAsync()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await new DeliverNotifications.Handler(
                scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>(), TimeProvider.System, [_log], new PublicSite(null),
                NullLogger<DeliverNotifications.Handler>.Instance)
            .HandleAsync(CancellationToken.None);
    }

    /// <summary>An outbound channel that only remembers which notifications it sent.</summary>
    private sealed class RecordingChannel(string name) : INotificationChannel
    {
        public string Name => name;

        public List<Guid> Sent { get; } = [];

        public Task SendAsync(OutboundNotification notification, NotificationRecipient recipient, CancellationToken cancellationToken)
        {
            lock (Sent)
            {
                Sent.Add(notification.Id);
            }

            return Task.CompletedTask;
        }
    }
}
