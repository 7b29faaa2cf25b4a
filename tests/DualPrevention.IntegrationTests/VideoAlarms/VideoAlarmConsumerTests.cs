using System.Globalization;
using System.Text;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.IntegrationTests.Positioning;
using DualPrevention.Testing;
using DualPrevention.Web.Positioning;
using DualPrevention.Web.VideoAlarms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DualPrevention.IntegrationTests.VideoAlarms;

/// <summary>
/// Video alarms over the real mosquitto (ADR 0046): a device publishes into <c>video/{its enterprise}/alarms</c> and a job
/// node's consumer, in a share group of its own, takes the alarm through the same intake as HTTP; the broker refuses the
/// device another enterprise's topic, so nothing reaches that enterprise, and a camera of another enterprise named on the
/// own topic is refused and counted.
/// </summary>
public class VideoAlarmConsumerTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    [Fact]
    public async Task A_device_publishes_alarms_of_its_own_enterprise_only_and_the_consumer_raises_them()
    {
        await using var services = database.CreateServices();
        var qd1Camera = await CameraAsync(services, database.Qd1, "demo-qd1-admin", "37021100001320000601");
        var qd2Camera = await CameraAsync(services, database.Qd2, "demo-qd2-admin", "37021400001320000602");
        var username = $"video-{Guid.NewGuid():N}";
        await new BrokerAccounts(Options.Create(MqttBroker.Options())).SetDeviceCredentialAsync(username, "s3cret-video", database.Qd1, CancellationToken.None);
        var consumer = new VideoAlarmConsumer(
            Options.Create(MqttBroker.Options()),
            Options.Create(new VideoAlarmConsumerOptions { ClientId = $"video-node-{Guid.NewGuid():N}", Group = $"video-test-{Guid.NewGuid():N}" }),
            services.GetRequiredService<IServiceScopeFactory>(),
            NullLogger<VideoAlarmConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        await consumer.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        var now = database.Clock.GetUtcNow();

        using var device = await MqttBroker.ConnectAsync(username, "s3cret-video");
        var own = await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd1), qd1Camera, "mqtt-1", now));
        var foreignTopic = await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd2), qd2Camera, "mqtt-2", now));
        var foreignCamera = await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd1), qd2Camera, "mqtt-3", now));
        var fixesTopic = await device.PublishAsync(Message(FixTopics.Of(database.Qd1), qd1Camera, "mqtt-4", now));

        (own.ReasonCode, foreignTopic.ReasonCode, foreignCamera.ReasonCode).ShouldBe((
            MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NotAuthorized, MqttClientPublishReasonCode.Success));
        // The fixes topic is the device's too; whether a fix consumer of another test is subscribed to it at this moment
        // varies, so "no matching subscribers" is as good an answer as success: only a refusal would be wrong.
        fixesTopic.ReasonCode.ShouldBeOneOf(MqttClientPublishReasonCode.Success, MqttClientPublishReasonCode.NoMatchingSubscribers);
        await using var db = database.OwnerContext(TenantScope.System);
        // The consumer takes messages in side by side, so the refusal may be counted before the alarm is raised: wait for both.
        await WaitUntilAsync(async () => await db.Set<VideoAlarmRefusalCount>().AnyAsync(c => c.EnterpriseId == database.Qd1 && c.Reason == VideoAlarmRejection.OtherEnterprise));
        await WaitUntilAsync(async () => await db.Set<Alarm>().AnyAsync(a => a.Source == AlarmSource.Video && a.DeviceId == qd1Camera));
        await consumer.StopAsync(CancellationToken.None);
        consumer.Dispose();

        var raised = await db.Set<Alarm>().Where(a => a.Source == AlarmSource.Video && (a.DeviceId == qd1Camera || a.DeviceId == qd2Camera)).ToListAsync();
        raised.Select(a => (a.EnterpriseId, a.DeviceId, a.Category)).ShouldBe([(database.Qd1, (Guid?)qd1Camera, "Smoking")]);
        (await db.Set<VideoAlarmRefusalCount>().Where(c => c.EnterpriseId == database.Qd2).SumAsync(c => c.Count)).ShouldBe(0);
    }

    [Fact]
    public async Task A_slow_first_message_is_not_acknowledged_before_it_is_taken_in_so_a_stop_loses_nothing_and_each_alarm_is_stored_once()
    {
        await using var services = database.CreateServices();
        var slow = await CameraAsync(services, database.Qd1, "demo-qd1-admin", "37021100001320000611");
        var fast = new List<Guid>();
        for (var i = 2; i <= 4; i++)
        {
            fast.Add(await CameraAsync(services, database.Qd1, "demo-qd1-admin", $"3702110000132000061{i}"));
        }

        var username = $"video-{Guid.NewGuid():N}";
        await new BrokerAccounts(Options.Create(MqttBroker.Options())).SetDeviceCredentialAsync(username, "s3cret-video", database.Qd1, CancellationToken.None);
        // Both nodes are one node restarted: the same client id, so the broker's session delivers again what was not acknowledged.
        var options = new VideoAlarmConsumerOptions { ClientId = $"video-node-{Guid.NewGuid():N}", Group = $"video-test-{Guid.NewGuid():N}", Concurrency = 4 };
        var now = database.Clock.GetUtcNow();

        // The first message is held up where a real one waits: the alarm centre's lock on its enterprise, source and category.
        await using var holder = database.OwnerContext(TenantScope.System);
        await holder.Database.OpenConnectionAsync();
        var lockKey = $"alarm:{database.Qd1}:{(int)AlarmSource.Video}:FIREFLAME";
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtextextended({lockKey}, 0))");

        var first = await StartConsumerAsync(services, options);
        using var device = await MqttBroker.ConnectAsync(username, "s3cret-video");
        await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd1), slow, "slow-1", now, "FireFlame"));
        for (var i = 0; i < fast.Count; i++)
        {
            await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd1), fast[i], $"fast-{i}", now));
        }

        await using var db = database.OwnerContext(TenantScope.System);
        await WaitUntilAsync(async () => await db.Set<VideoAlarmEvidence>().CountAsync(e => fast.Contains(e.CameraId)) == fast.Count);
        (await db.Set<VideoAlarmEvidence>().CountAsync(e => e.CameraId == slow)).ShouldBe(0, "the first message is still held up");

        // The node stops while the first message is in flight and the later ones are taken in.
        await first.StopAsync(CancellationToken.None);
        first.Dispose();
        await holder.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtextextended({lockKey}, 0))");

        var second = await StartConsumerAsync(services, options);
        await WaitUntilAsync(async () => await db.Set<VideoAlarmEvidence>().AnyAsync(e => e.CameraId == slow));
        // A message published after the restart is taken in after those delivered again (in arrival order, acknowledged in it).
        var after = await CameraAsync(services, database.Qd1, "demo-qd1-admin", "37021100001320000615");
        await device.PublishAsync(Message(VideoAlarmTopics.Of(database.Qd1), after, "after-1", now));
        await WaitUntilAsync(async () => await db.Set<VideoAlarmEvidence>().AnyAsync(e => e.CameraId == after));
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        Guid[] cameras = [slow, .. fast, after];
        var evidence = await db.Set<VideoAlarmEvidence>().Where(e => cameras.Contains(e.CameraId)).GroupBy(e => e.CameraId).ToDictionaryAsync(g => g.Key, g => g.Count());
        var alarms = await db.Set<Alarm>().Where(a => a.DeviceId != null && cameras.Contains(a.DeviceId.Value)).GroupBy(a => a.DeviceId!.Value).ToDictionaryAsync(g => g.Key, g => g.Count());
        evidence.ShouldBe(cameras.ToDictionary(c => c, _ => 1), ignoreOrder: true);
        alarms.ShouldBe(cameras.ToDictionary(c => c, _ => 1), ignoreOrder: true);
        (await db.Set<Alarm>().SingleAsync(a => a.DeviceId == slow)).Category.ShouldBe("FireFlame");
    }

    [Fact]
    public void A_video_topic_names_its_enterprise_and_a_fixes_topic_does_not()
    {
        var enterprise = Guid.NewGuid();
        VideoAlarmTopics.EnterpriseOf(VideoAlarmTopics.Of(enterprise)).ShouldBe(enterprise);
        VideoAlarmTopics.EnterpriseOf(FixTopics.Of(enterprise)).ShouldBeNull();
        FixTopics.EnterpriseOf(VideoAlarmTopics.Of(enterprise)).ShouldBeNull();
        VideoAlarmTopics.EnterpriseOf("video/not-a-guid/alarms").ShouldBeNull();
    }

    private static MqttApplicationMessage Message(string topic, Guid camera, string eventId, DateTimeOffset at, string algorithm = "Smoking") =>
        new MqttApplicationMessageBuilder().WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $$"""{"camera":"{{camera}}","algorithm":"{{algorithm}}","time":"{{at:yyyy-MM-ddTHH:mm:ss}}Z","eventId":"{{eventId}}"}""")))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static async Task<VideoAlarmConsumer> StartConsumerAsync(ServiceProvider services, VideoAlarmConsumerOptions options)
    {
        var consumer = new VideoAlarmConsumer(
            Options.Create(MqttBroker.Options()), Options.Create(options), services.GetRequiredService<IServiceScopeFactory>(), NullLogger<VideoAlarmConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        await consumer.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        return consumer;
    }

    private async Task<Guid> CameraAsync(ServiceProvider services, Guid enterpriseId, string admin, string deviceId)
    {
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var userId = await db.Users.Where(u => u.UserName == admin).Select(u => u.Id).SingleAsync();
            var actor = new Core.Accounts.Actor(TenantScope.ForEnterprise(enterpriseId, userId, admin), new HashSet<string> { Core.Accounts.Roles.EnterpriseAdmin });
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
            return await scope.ServiceProvider.GetRequiredService<Core.Positioning.SaveCamera.Handler>().HandleAsync(
                actor,
                new Core.Positioning.SaveCamera.Command(null, new Core.Positioning.CameraDetails("Camera " + deviceId[^3..], deviceId, "rtsp://10.0.0.8/ch1", null, null, null, null, true)),
                default);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}
