using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.IntegrationTests.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.VideoAlarms;

/// <summary>
/// Video alarms entering the alarm centre on PostgreSQL (ADR 0046): the camera's zone, site plan and the category's
/// severity go with the alarm, a burst of one camera and category merges into one open alarm, a retried message is the
/// same alarm, and a camera of another enterprise or no camera at all is refused and raises nothing.
/// </summary>
public class VideoAlarmIntakeTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    [Fact]
    public async Task A_burst_of_one_camera_and_category_merges_into_one_open_alarm_in_the_cameras_zone()
    {
        var camera = await CameraAsync(database.Qd1, "demo-qd1-admin", "37021100001320000301", placedInZone: true);
        var now = database.Clock.GetUtcNow();

        var burst = new List<AcceptVideoAlarm.Result>();
        for (var i = 0; i < 5; i++)
        {
            burst.Add(await AcceptAsync(database.Qd1, Smoking("37021100001320000301", $"burst-{i}", now.AddSeconds(-50 + (i * 10)))));
        }

        var retried = await AcceptAsync(database.Qd1, Smoking("37021100001320000301", "burst-0", now.AddSeconds(-50)));
        var otherCategory = await AcceptAsync(database.Qd1, Smoking(camera.Id.ToString(), "fire-1", now) with { Category = VideoAlarmCategory.FireFlame });

        burst.ShouldAllBe(r => r.Refusal == null && r.CameraId == camera.Id);
        burst[0].Raised!.Outcome.ShouldBe(RaiseAlarm.Outcome.Raised);
        burst.Skip(1).ShouldAllBe(r => r.Raised!.Outcome == RaiseAlarm.Outcome.Merged && r.Raised.OpenAlarmId == burst[0].Raised!.AlarmId);
        (retried.Raised!.Outcome, retried.Raised.AlarmId).ShouldBe((RaiseAlarm.Outcome.Repeated, burst[0].Raised!.AlarmId));
        otherCategory.Raised!.Outcome.ShouldBe(RaiseAlarm.Outcome.Raised);

        await using var db = database.OwnerContext(TenantScope.System);
        var open = await db.Set<Alarm>().SingleAsync(a => a.Id == burst[0].Raised!.AlarmId);
        (open.Source, open.Category, open.Severity, open.DeviceId, open.ZoneId, open.SitePlanId, open.Status)
            .ShouldBe((AlarmSource.Video, "Smoking", AlarmSeverity.Major, (Guid?)camera.Id, camera.ZoneId, camera.SitePlanId, AlarmStatus.New));
        camera.ZoneId.ShouldNotBeNull();
        (await db.Set<Alarm>().CountAsync(a => a.MergedIntoId == open.Id)).ShouldBe(4);
        (await db.Set<Alarm>().SingleAsync(a => a.Id == otherCategory.Raised.AlarmId)).Severity.ShouldBe(AlarmSeverity.Critical);
    }

    [Fact]
    public async Task A_camera_of_another_enterprise_or_none_is_refused_and_raises_nothing()
    {
        var foreign = await CameraAsync(database.Qd2, "demo-qd2-admin", "37021400001320000302", placedInZone: false);
        var now = database.Clock.GetUtcNow();
        await using var db = database.OwnerContext(TenantScope.System);
        var before = await db.Set<Alarm>().CountAsync(a => a.Source == AlarmSource.Video && a.DeviceId == foreign.Id);

        var byDeviceId = await AcceptAsync(database.Qd1, Smoking("37021400001320000302", "x-1", now));
        var byOurId = await AcceptAsync(database.Qd1, Smoking(foreign.Id.ToString(), "x-2", now));
        var unknown = await AcceptAsync(database.Qd1, Smoking("37021100001320999999", "x-3", now));
        var own = await AcceptAsync(database.Qd2, Smoking("37021400001320000302", "x-4", now));

        byDeviceId.Refusal.ShouldBe(new VideoAlarmRefusal(VideoAlarmRejection.OtherEnterprise, "camera"));
        byOurId.Refusal.ShouldBe(new VideoAlarmRefusal(VideoAlarmRejection.OtherEnterprise, "camera"));
        unknown.Refusal.ShouldBe(new VideoAlarmRefusal(VideoAlarmRejection.UnknownCamera, "camera"));
        new[] { byDeviceId, byOurId, unknown }.ShouldAllBe(r => r.Raised == null);
        own.Raised!.Outcome.ShouldBe(RaiseAlarm.Outcome.Raised);
        (await db.Set<Alarm>().CountAsync(a => a.Source == AlarmSource.Video && a.DeviceId == foreign.Id)).ShouldBe(before + 1);
        (await db.Set<Alarm>().CountAsync(a => a.Source == AlarmSource.Video && a.DeviceId == foreign.Id && a.EnterpriseId == database.Qd1)).ShouldBe(0);
    }

    private static ReceivedVideoAlarm Smoking(string camera, string eventId, DateTimeOffset at) =>
        new(camera, null, "Smoking", VideoAlarmCategory.Smoking, at, 0.9, [], null, null, null, eventId);

    private async Task<AcceptVideoAlarm.Result> AcceptAsync(Guid enterpriseId, ReceivedVideoAlarm alarm)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<AcceptVideoAlarm.Handler>().HandleAsync(new AcceptVideoAlarm.Command(enterpriseId, alarm), default);
    }

    private async Task<Camera> CameraAsync(Guid enterpriseId, string admin, string deviceId, bool placedInZone)
    {
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            if (await db.Set<Camera>().FirstOrDefaultAsync(c => c.DeviceId == deviceId) is { } existing)
            {
                return existing;
            }
        }

        Guid? plan = null;
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var userId = await db.Users.Where(u => u.UserName == admin).Select(u => u.Id).SingleAsync();
            if (placedInZone)
            {
                plan = await db.Set<SitePlan>().Where(p => p.EnterpriseId == enterpriseId).Select(p => p.Id).FirstAsync();
            }

            var actor = new Actor(TenantScope.ForEnterprise(enterpriseId, userId, admin), new HashSet<string> { Roles.EnterpriseAdmin });
            await using var services = database.CreateServices();
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
            await scope.ServiceProvider.GetRequiredService<SaveCamera.Handler>().HandleAsync(
                actor,
                new SaveCamera.Command(null, new CameraDetails("Camera " + deviceId[^3..], deviceId, "rtsp://10.0.0.8/ch1", plan, placedInZone ? 50 : null, placedInZone ? 150 : null, null, true)),
                default);
        }

        await using var read = database.OwnerContext(TenantScope.System);
        return await read.Set<Camera>().SingleAsync(c => c.DeviceId == deviceId);
    }
}
