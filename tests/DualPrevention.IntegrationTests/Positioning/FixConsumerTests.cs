using System.Collections.Concurrent;
using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// Ingest through the real mosquitto into PostgreSQL (ADR 0038): fixes become latest positions and a thinned track,
/// every refused fix is counted for its enterprise, a device cannot write another enterprise's fixes (the broker refuses
/// and so does the consumer), two consumers share the subscription with no fix lost or doubled, and a consumer killed
/// mid-stream loses nothing the broker delivered. Each test consumes in a share group of its own.
/// </summary>
public class FixConsumerTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private readonly BrokerAccounts _accounts = new(Options.Create(MqttBroker.Options()));

    [Fact]
    public async Task Accepted_fixes_become_positions_and_a_thinned_track_and_bad_ones_are_counted_by_reason()
    {
        var (tags, _) = await RegisterTagsAsync(database.Qd1, "ACC", 1);
        var device = await DeviceAsync(database.Qd1);
        await using var consumer = await ConsumerAsync(Group());
        var start = database.Clock.GetUtcNow().AddMinutes(-10);

        // Six fixes in 5 s: only the first and the ones that moved a metre or more join the track.
        await device.PublishAsync(Message(database.Qd1, Fixes(tags[0], start, (0, 0), (0.2, 0), (1.5, 0), (1.6, 0.1), (1.7, 0), (4, 0))));
        await device.PublishAsync(Message(database.Qd1,
            $$"""[{"tag":"{{tags[0]}}","time":"{{Iso(start.AddSeconds(40))}}","x":4,"y":0,"battery":55},{"tag":"NOBODY","time":"{{Iso(start)}}","x":1,"y":1},{"tag":"{{tags[0]}}","time":"{{Iso(start)}}","x":1,"y":1,"battery":101}]"""));
        await device.PublishAsync(Message(database.Qd1, "not json"));

        var count = await WaitForCountAsync(database.Qd1, c => c.Accepted + c.Malformed + c.UnknownTag + c.OutOfRange >= 10);
        (count.Accepted, count.UnknownTag, count.OutOfRange, count.Malformed).ShouldBe((7L, 1L, 1L, 1L));
        await using var db = database.OwnerContext(TenantScope.System);
        var tagId = await db.Set<PositioningTag>().Where(t => t.Serial == tags[0]).Select(t => t.Id).SingleAsync();
        var position = await db.Set<TagPosition>().SingleAsync(p => p.TagId == tagId);
        (position.FixedAt, position.X, position.Battery, position.EnterpriseId).ShouldBe((start.AddSeconds(40), 4.0, (int?)55, database.Qd1));
        var track = await db.Set<PositionSample>().Where(s => s.TagId == tagId).OrderBy(s => s.FixedAt).Select(s => s.X).ToListAsync();
        track.ShouldBe([0.0, 1.5, 4.0, 4.0]);
    }

    [Fact]
    public async Task A_device_cannot_write_another_enterprises_fixes_the_broker_refuses_and_so_does_the_consumer()
    {
        var (tags, _) = await RegisterTagsAsync(database.Qd1, "OWN", 1);
        var device = await DeviceAsync(database.Qd1);
        await using var consumer = await ConsumerAsync(Group());
        var now = database.Clock.GetUtcNow();

        var refused = await device.PublishAsync(Message(database.Qd2, Fixes(tags[0], now, (1, 1))));
        refused.ReasonCode.ShouldBe(MqttClientPublishReasonCode.NotAuthorized);

        // A mis-granted account of the other enterprise forges its own topic for this enterprise's tag.
        using var forger = await DeviceAsync(database.Qd2);
        await forger.PublishAsync(Message(database.Qd2, Fixes(tags[0], now, (2, 2))));

        var count = await WaitForCountAsync(database.Qd2, c => c.OtherEnterprise >= 1);
        (count.OtherEnterprise, count.Accepted).ShouldBe((1L, 0L));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Set<TagPosition>().CountAsync(p => p.EnterpriseId == database.Qd2)).ShouldBe(0);
        (await db.Set<PositionSample>().CountAsync(p => p.EnterpriseId == database.Qd2)).ShouldBe(0);
    }

    [Fact]
    public async Task Two_consumers_share_the_subscription_and_each_fix_is_handled_once()
    {
        const int PerTag = 20;
        var (tags, _) = await RegisterTagsAsync(database.Wf1, "SHR", 20);
        var device = await DeviceAsync(database.Wf1);
        var group = Group();
        var first = new RecordingFixes();
        var second = new RecordingFixes();
        await using var one = await ConsumerAsync(group, recorder: first);
        await using var two = await ConsumerAsync(group, recorder: second);
        var start = database.Clock.GetUtcNow().AddHours(-1);

        foreach (var step in Enumerable.Range(0, PerTag))
        {
            foreach (var tag in tags)
            {
                await device.PublishAsync(Message(database.Wf1, Fixes(tag, start.AddSeconds(step), (step * 2, 0))));
            }
        }

        var total = tags.Count * PerTag;
        await WaitUntilAsync(() => first.Fixes.Count + second.Fixes.Count >= total);
        first.Fixes.Count.ShouldBeGreaterThan(0);
        second.Fixes.Count.ShouldBeGreaterThan(0);
        first.Fixes.Concat(second.Fixes).Distinct().Count().ShouldBe(total);
        (first.Fixes.Count + second.Fixes.Count).ShouldBe(total);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Set<PositionSample>().CountAsync(s => s.EnterpriseId == database.Wf1 && s.FixedAt >= start && s.FixedAt < start.AddMinutes(1))).ShouldBe(total);
    }

    [Fact]
    public async Task A_consumer_killed_mid_stream_gets_the_unacknowledged_messages_again_and_the_track_holds_each_fix_once()
    {
        const int PerTag = 20;
        var (tags, tagIds) = await RegisterTagsAsync(database.Qd2, "KIL", 10);
        var device = await DeviceAsync(database.Qd2);
        var group = Group();
        var clientId = $"node-{Guid.NewGuid():N}";
        var stalling = new RecordingFixes(stallOnBatch: 3);
        var killed = await ConsumerAsync(group, clientId, stalling, maxMessagesPerBatch: 10);
        var start = database.Clock.GetUtcNow().AddHours(-2);

        foreach (var step in Enumerable.Range(0, PerTag))
        {
            foreach (var tag in tags)
            {
                await device.PublishAsync(Message(database.Qd2, Fixes(tag, start.AddSeconds(step), (step * 2, 0))));
            }
        }

        await stalling.Stalled.WaitAsync(TimeSpan.FromSeconds(30));
        await killed.DisposeAsync();

        await using var restarted = await ConsumerAsync(group, clientId);
        var total = tags.Count * PerTag;
        await using var db = database.OwnerContext(TenantScope.System);
        await WaitUntilAsync(() => db.Set<PositionSample>().Count(s => tagIds.Contains(s.TagId)) >= total);
        (await db.Set<PositionSample>().Where(s => tagIds.Contains(s.TagId)).Select(s => new { s.TagId, s.FixedAt }).Distinct().CountAsync()).ShouldBe(total);
        (await db.Set<PositionSample>().CountAsync(s => tagIds.Contains(s.TagId))).ShouldBe(total);
    }

    [Fact]
    public async Task An_sos_published_over_mqtt_raises_its_alarm_through_the_fence_rules_of_the_consumer()
    {
        var (tags, tagIds) = await RegisterTagsAsync(database.Wf1, "SOS", 1);
        var device = await DeviceAsync(database.Wf1);
        await using var consumer = await ConsumerAsync(Group());
        var now = database.Clock.GetUtcNow();

        await device.PublishAsync(Message(database.Wf1, $$"""{"tag":"{{tags[0]}}","time":"{{Iso(now)}}","x":3,"y":4,"sos":true}"""));

        await using var db = database.OwnerContext(TenantScope.System);
        await WaitUntilAsync(() => db.Set<Alarm>().Any(a => a.DeviceId == tagIds[0]));
        var alarm = await db.Set<Alarm>().SingleAsync(a => a.DeviceId == tagIds[0]);
        (alarm.Category, alarm.Severity, alarm.Source, alarm.Status).ShouldBe((AlarmCategories.Sos, AlarmSeverity.Critical, AlarmSource.Positioning, AlarmStatus.New));
    }

    private static string Group() => $"test-{Guid.NewGuid():N}";

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string Fixes(string tag, DateTimeOffset start, params (double X, double Y)[] points) =>
        "[" + string.Join(',', points.Select((p, i) =>
            $$"""{"tag":"{{tag}}","time":"{{Iso(start.AddSeconds(i))}}","x":{{p.X.ToString(CultureInfo.InvariantCulture)}},"y":{{p.Y.ToString(CultureInfo.InvariantCulture)}}}""")) + "]";

    private static MqttApplicationMessage Message(Guid enterpriseId, string payload) =>
        new MqttApplicationMessageBuilder().WithTopic(FixTopics.Of(enterpriseId)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private async Task<(List<string> Serials, List<Guid> Ids)> RegisterTagsAsync(Guid enterpriseId, string prefix, int count)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var tags = Enumerable.Range(0, count)
            .Select(i => PositioningTag.Register(enterpriseId, region, $"{prefix}-{Guid.NewGuid():N}"[..20] + i, TagKind.Badge, database.Clock.GetUtcNow()))
            .ToList();
        db.AddRange(tags);
        await db.SaveChangesAsync();
        return (tags.Select(t => t.Serial).ToList(), tags.Select(t => t.Id).ToList());
    }

    private async Task<IMqttClient> DeviceAsync(Guid enterpriseId)
    {
        var username = $"device-{Guid.NewGuid():N}";
        await _accounts.SetDeviceCredentialAsync(username, "device-secret", enterpriseId, CancellationToken.None);
        return await MqttBroker.ConnectAsync(username, "device-secret");
    }

    private Task<RunningFixConsumer> ConsumerAsync(string group, string? clientId = null, RecordingFixes? recorder = null, int maxMessagesPerBatch = 200) =>
        RunningFixConsumer.StartAsync(database, group, clientId, recorder, maxMessagesPerBatch);

    private async Task<FixCount> WaitForCountAsync(Guid enterpriseId, Func<FixCount, bool> done)
    {
        FixCount? count = null;
        await WaitUntilAsync(() =>
        {
            using var db = database.OwnerContext(TenantScope.System);
            count = db.Set<FixCount>().AsNoTracking().SingleOrDefault(c => c.EnterpriseId == enterpriseId);
            return count is not null && done(count);
        });
        return count!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The fence-rule seam as a witness: records each stored fix; optionally stalls on one batch until cancelled.</summary>
    private sealed class RecordingFixes(int stallOnBatch = 0) : IAcceptedFixes
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _batches;

        public ConcurrentBag<(Guid TagId, DateTimeOffset Time)> Fixes { get; } = [];

        public Task Stalled => _stalled.Task;

        public async Task OnAcceptedAsync(IReadOnlyList<AcceptedFix> fixes, CancellationToken cancellationToken)
        {
            foreach (var fix in fixes)
            {
                Fixes.Add((fix.TagId, fix.Fix.Time));
            }

            if (Interlocked.Increment(ref _batches) == stallOnBatch)
            {
                _stalled.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }
}
