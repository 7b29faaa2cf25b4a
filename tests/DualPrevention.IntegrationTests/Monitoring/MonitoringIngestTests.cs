using System.Globalization;
using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Monitoring;
using DualPrevention.Web.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;

namespace DualPrevention.IntegrationTests.Monitoring;

/// <summary>
/// Monitoring readings on real PostgreSQL and mosquitto (ADR 0050): limits evaluated with debounce — noise around a limit
/// does not alarm, a held excursion raises one alarm per band and episode, high-high is critical; a silent point raises
/// one data-interruption alarm; readings are thinned into the partitioned history; unknown codes and malformed readings
/// are counted; a device writes into its own enterprise only, over HTTP's path (the handler) and over the broker.
/// </summary>
public class MonitoringIngestTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Noise_around_a_limit_does_not_alarm_and_a_held_excursion_raises_one_alarm_per_band_and_episode()
    {
        await using var services = database.CreateServices();
        var (point, code) = await PointAsync(services, database.Qd1, debounceSeconds: 10);
        var start = database.Clock.GetUtcNow().AddMinutes(-30);

        // Noise: every second the level flips across the high limit (80), never above it for 10 s.
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 30).Select(i => (code, start.AddSeconds(i), i % 2 == 0 ? 81.0 : 79.0))]);
        (await AlarmsOfAsync(point)).ShouldBeEmpty();

        // Held above 80 for 15 s: one high alarm; still above for another minute: no second one.
        var episode = start.AddMinutes(1);
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 75).Select(i => (code, episode.AddSeconds(i), 85.0))]);
        (await AlarmsOfAsync(point)).Select(a => (a.Category, a.Severity)).ShouldBe([(MonitoringAlarms.LimitHigh, AlarmSeverity.Major)]);

        // Rising to high-high (95) in the same episode: one critical alarm more; falling back to high: nothing.
        var worse = start.AddMinutes(3);
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 20).Select(i => (code, worse.AddSeconds(i), 96.0)), .. Enumerable.Range(20, 20).Select(i => (code, worse.AddSeconds(i), 85.0))]);
        (await AlarmsOfAsync(point)).Select(a => (a.Category, a.Severity)).ShouldBe([
            (MonitoringAlarms.LimitHigh, AlarmSeverity.Major), (MonitoringAlarms.LimitHighHigh, AlarmSeverity.Critical)]);

        // Back to normal for longer than the debounce ends the episode; the next excursion is a new one.
        var back = start.AddMinutes(5);
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 20).Select(i => (code, back.AddSeconds(i), 50.0)), .. Enumerable.Range(20, 20).Select(i => (code, back.AddSeconds(i), 85.0))]);
        var alarms = await AlarmsOfAsync(point);
        alarms.Select(a => a.Category).ShouldBe([MonitoringAlarms.LimitHigh, MonitoringAlarms.LimitHighHigh, MonitoringAlarms.LimitHigh]);
        alarms.ShouldAllBe(a => a.EnterpriseId == database.Qd1 && a.Source == AlarmSource.Sensor);

        // The same readings delivered again change nothing.
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 20).Select(i => (code, back.AddSeconds(i), 50.0))]);
        (await AlarmsOfAsync(point)).Count.ShouldBe(3);
        (await StateAsync(point)).Band.ShouldBe(LimitBand.High);
    }

    [Fact]
    public async Task Readings_are_thinned_into_the_history_and_the_latest_value_is_kept()
    {
        await using var services = database.CreateServices();
        var (point, code) = await PointAsync(services, database.Qd1, debounceSeconds: 0);
        var start = database.Clock.GetUtcNow().AddMinutes(-20);

        // 600 readings a second apart, all within the dead band (0.5 % of 0…100) of 40: the first kept, then one after 300 s.
        await AcceptAsync(services, database.Qd1, [.. Enumerable.Range(0, 600).Select(i => (code, start.AddSeconds(i), 40.0 + (i % 3 * 0.1)))]);
        // A step of 10 is kept at once.
        await AcceptAsync(services, database.Qd1, [(code, start.AddSeconds(600), 50.0)]);

        var kept = await HistoryAsync(point);
        kept.Select(k => k.At).ShouldBe([start, start.AddSeconds(300), start.AddSeconds(600)]);
        kept[^1].ShouldBe((start.AddSeconds(600), 50.0));
        var state = await StateAsync(point);
        (state.LastValue, state.LastReadAt).ShouldBe((50.0, start.AddSeconds(600)));
    }

    [Fact]
    public async Task A_point_silent_for_three_intervals_raises_one_data_interruption_alarm_until_it_reports_again()
    {
        await using var services = database.CreateServices();
        var (point, code) = await PointAsync(services, database.Qd1, debounceSeconds: 0, intervalSeconds: 30);
        await AcceptAsync(services, database.Qd1, [(code, database.Clock.GetUtcNow(), 50.0)]);

        (await CheckAsync(services)).ShouldNotContain(point);
        database.Clock.Advance(TimeSpan.FromSeconds(91));
        await CheckAsync(services);
        await CheckAsync(services);

        (await AlarmsOfAsync(point)).Select(a => (a.Category, a.Severity)).ShouldBe([(MonitoringAlarms.DataInterruption, AlarmSeverity.Major)]);
        (await StateAsync(point)).InterruptedSince.ShouldNotBeNull();
        await AcceptAsync(services, database.Qd1, [(code, database.Clock.GetUtcNow(), 50.0)]);
        (await StateAsync(point)).InterruptedSince.ShouldBeNull();
    }

    [Fact]
    public async Task Unknown_codes_malformed_and_out_of_range_readings_are_counted_and_another_enterprises_point_is_unknown()
    {
        await using var services = database.CreateServices();
        var (own, ownCode) = await PointAsync(services, database.Qd1, debounceSeconds: 0);
        var (foreign, foreignCode) = await PointAsync(services, database.Qd2, debounceSeconds: 0);
        var before = await CountAsync(database.Qd1);
        var now = database.Clock.GetUtcNow();
        var body = string.Create(CultureInfo.InvariantCulture, $$"""
            [{"point":"{{ownCode}}","time":"{{now:O}}","value":42.5},
             {"point":"{{foreignCode}}","time":"{{now:O}}","value":42.5},
             {"point":"NO-SUCH-POINT","time":"{{now:O}}","value":1},
             {"point":"{{ownCode}}","time":"yesterday","value":1},
             {"point":"{{ownCode}}","time":"{{now:O}}","value":"high"},
             {"point":"{{ownCode}}","time":"{{now.AddSeconds(1):O}}","value":1000}]
            """);

        var outcome = await AcceptRawAsync(services, database.Qd1, Encoding.UTF8.GetBytes(body));

        outcome.Accepted.ShouldBe(1);
        outcome.Refusals.Select(r => (r.Index, r.Field, r.Reason)).OrderBy(r => r.Index).ShouldBe([
            (1, "point", ReadingRejection.UnknownPoint), (2, "point", ReadingRejection.UnknownPoint), (3, "time", ReadingRejection.Malformed),
            (4, "value", ReadingRejection.Malformed), (5, "value", ReadingRejection.OutOfRange)]);
        var after = await CountAsync(database.Qd1);
        (after.Accepted - before.Accepted, after.UnknownPoint - before.UnknownPoint, after.Malformed - before.Malformed, after.OutOfRange - before.OutOfRange)
            .ShouldBe((1, 2, 2, 1));
        (await StateAsync(own)).LastValue.ShouldBe(42.5);
        (await StateAsync(foreign)).LastValue.ShouldBeNull();
    }

    [Fact]
    public async Task A_device_publishes_readings_of_its_own_enterprise_only_and_the_consumer_evaluates_them()
    {
        await using var services = database.CreateServices();
        var (own, ownCode) = await PointAsync(services, database.Qd1, debounceSeconds: 0);
        var (foreign, foreignCode) = await PointAsync(services, database.Qd2, debounceSeconds: 0);
        var username = $"monitor-{Guid.NewGuid():N}";
        await new BrokerAccounts(Options.Create(MqttBroker.Options())).SetDeviceCredentialAsync(username, "s3cret-monitor", database.Qd1, CancellationToken.None);
        using var consumer = new ReadingConsumer(
            Options.Create(MqttBroker.Options()),
            Options.Create(new ReadingConsumerOptions { ClientId = $"monitor-node-{Guid.NewGuid():N}", Group = $"monitor-test-{Guid.NewGuid():N}" }),
            services.GetRequiredService<IServiceScopeFactory>(),
            database.Clock,
            NullLogger<ReadingConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        await consumer.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        var now = database.Clock.GetUtcNow();

        using var device = await MqttBroker.ConnectAsync(username, "s3cret-monitor");
        var ownTopic = await device.PublishAsync(Message(MonitoringReadingTopics.Of(database.Qd1), ownCode, now, 97.0));
        var foreignTopic = await device.PublishAsync(Message(MonitoringReadingTopics.Of(database.Qd2), foreignCode, now, 97.0));
        var foreignCodeOnOwnTopic = await device.PublishAsync(Message(MonitoringReadingTopics.Of(database.Qd1), foreignCode, now, 97.0));

        (ownTopic.ReasonCode, foreignTopic.ReasonCode, foreignCodeOnOwnTopic.ReasonCode).ShouldBe((
            MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NotAuthorized, MqttClientPublishReasonCode.Success));
        await WaitUntilAsync(async () => (await StateAsync(own)).LastValue == 97.0);
        await WaitUntilAsync(async () => (await CountAsync(database.Qd1)).UnknownPoint > 0);
        await consumer.StopAsync(CancellationToken.None);

        (await AlarmsOfAsync(own)).Select(a => (a.Category, a.Severity)).ShouldBe([(MonitoringAlarms.LimitHighHigh, AlarmSeverity.Critical)]);
        (await StateAsync(foreign)).LastValue.ShouldBeNull();
        (await AlarmsOfAsync(foreign)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Limits_must_rise_within_the_range_and_a_code_is_unique_within_the_enterprise()
    {
        await using var services = database.CreateServices();
        var (_, code) = await PointAsync(services, database.Qd1, debounceSeconds: 0);
        var admin = await AdminAsync(database.Qd1);
        var source = await SourceOfAsync(services, database.Qd1);

        var disordered = await Should.ThrowAsync<FluentValidation.ValidationException>(() => SaveAsync(services, admin, source, Details("X-1") with { High = 90, HighHigh = 85 }));
        var outside = await Should.ThrowAsync<FluentValidation.ValidationException>(() => SaveAsync(services, admin, source, Details("X-2") with { HighHigh = 120 }));
        await Should.ThrowAsync<ConflictException>(() => SaveAsync(services, admin, source, Details(code)));

        disordered.Errors.Select(e => e.PropertyName).ShouldContain("HighHigh");
        outside.Errors.Select(e => e.PropertyName).ShouldBe(["HighHigh"]);
        // Another enterprise may use the same code.
        var qd2 = await AdminAsync(database.Qd2);
        await SaveAsync(services, qd2, await SourceOfAsync(services, database.Qd2), Details(code));
    }

    private static MonitoringPointDetails Details(string code) =>
        new(code, "储罐液位", MonitoringPointKind.TankLevel, "%", 0, 100, 10, 20, 80, 95, 10, 10);

    private static MqttApplicationMessage Message(string topic, string code, DateTimeOffset at, double value) =>
        new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""{"point":"{{code}}","time":"{{at:O}}","value":{{value}}}""")))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private async Task<(Guid Point, string Code)> PointAsync(ServiceProvider services, Guid enterpriseId, int debounceSeconds, int intervalSeconds = 10)
    {
        var code = $"LT-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var admin = await AdminAsync(enterpriseId);
        var source = await SourceOfAsync(services, enterpriseId);
        var id = await SaveAsync(services, admin, source, Details(code) with { DebounceSeconds = debounceSeconds, IntervalSeconds = intervalSeconds });
        return (id, code);
    }

    private static async Task<Guid> SaveAsync(ServiceProvider services, Actor actor, Guid source, MonitoringPointDetails details)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await scope.ServiceProvider.GetRequiredService<SaveMonitoringPoint.Handler>().HandleAsync(actor, new SaveMonitoringPoint.Command(source, null, details), default);
    }

    private async Task<Guid> SourceOfAsync(ServiceProvider services, Guid enterpriseId)
    {
        var actor = await AdminAsync(enterpriseId);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>().HandleAsync(
            actor, new(new MajorHazardSourceDetails($"MH-{Guid.NewGuid():N}"[..20], "罐区", MajorHazardLevel.Level4, null, null, null, null)), default);
    }

    private async Task<Actor> AdminAsync(Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var user = await db.Users.Where(u => u.EnterpriseId == enterpriseId && u.UserName!.EndsWith("-admin")).Select(u => new { u.Id, u.UserName }).FirstAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, user.Id, user.UserName!), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private static async Task AcceptAsync(ServiceProvider services, Guid enterpriseId, IReadOnlyList<(string Code, DateTimeOffset At, double Value)> readings)
    {
        var batch = new ReadingBatch([.. readings.Select((r, i) => new Reading(i, r.Code, r.At, r.Value))], []);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<AcceptReadings.Handler>().HandleAsync([new AcceptReadings.Delivery(enterpriseId, batch)], default);
    }

    private async Task<AcceptReadings.Outcome> AcceptRawAsync(ServiceProvider services, Guid enterpriseId, byte[] body)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var outcomes = await scope.ServiceProvider.GetRequiredService<AcceptReadings.Handler>()
            .HandleAsync([new AcceptReadings.Delivery(enterpriseId, ReadingPayload.Parse(body, database.Clock.GetUtcNow()))], default);
        return outcomes[0];
    }

    private async Task<List<Guid>> CheckAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<CheckInterruptedPoints.Handler>().HandleAsync(default);
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<MonitoringPointState>().Where(s => s.InterruptedSince != null).Select(s => s.PointId).ToListAsync();
    }

    private async Task<List<Alarm>> AlarmsOfAsync(Guid point)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<Alarm>().Where(a => a.DeviceId == point).OrderBy(a => a.OccurredAt).ToListAsync();
    }

    private async Task<MonitoringPointState> StateAsync(Guid point)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<MonitoringPointState>().AsNoTracking().SingleAsync(s => s.PointId == point);
    }

    private async Task<MonitoringReadingCount> CountAsync(Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var day = BusinessTime.LocalDate(database.Clock.GetUtcNow());
        return await db.Set<MonitoringReadingCount>().AsNoTracking().SingleOrDefaultAsync(c => c.EnterpriseId == enterpriseId && c.Day == day)
            ?? (MonitoringReadingCount)Activator.CreateInstance(typeof(MonitoringReadingCount), nonPublic: true)!;
    }

    private async Task<List<(DateTimeOffset At, double Value)>> HistoryAsync(Guid point)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT read_at, value FROM monitoring_reading WHERE point_id = @p ORDER BY read_at", connection);
        command.Parameters.AddWithValue("p", point);
        var rows = new List<(DateTimeOffset, double)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1)));
        }

        return rows;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer did not take the readings within 30 s");
            await Task.Delay(100);
        }
    }
}
