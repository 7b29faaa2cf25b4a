using System.Globalization;
using System.Text;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.IntegrationTests.Positioning;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DualPrevention.IntegrationTests.VideoAlarms;

/// <summary>
/// The intake of whole video alarm messages on PostgreSQL (ADR 0046): the snapshot is proven by decoding and stored as a
/// photo linked to the alarm with its boxes and clip URL; refused messages (unknown code, oversize, not an image, a
/// camera of another enterprise) are counted per enterprise and reason and raise nothing; snapshots are kept for their
/// retention and while their alarm is open, and a converted alarm's snapshot becomes the hidden danger's before-photo.
/// </summary>
public class VideoAlarmEvidenceTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    [Fact]
    public async Task An_alarm_with_a_snapshot_lands_in_the_cameras_zone_with_its_evidence_and_a_burst_merges()
    {
        var camera = await CameraAsync(database.Qd1, "37021100001320000401", placedInZone: true);
        var now = database.Clock.GetUtcNow();

        var first = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "SmokingDetect", now.AddSeconds(-20), "ev-401-1", PhotoCorpus.SmallPng, vendor: "dahua"));
        var second = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "Smoking", now.AddSeconds(-10), "ev-401-2", PhotoCorpus.SmallPng));
        var retried = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "SmokingDetect", now.AddSeconds(-20), "ev-401-1", PhotoCorpus.SmallPng, vendor: "dahua"));

        first.Raised!.Outcome.ShouldBe(RaiseAlarm.Outcome.Raised);
        (second.Raised!.Outcome, second.Raised.OpenAlarmId).ShouldBe((RaiseAlarm.Outcome.Merged, first.Raised.AlarmId));
        (retried.Raised!.Outcome, retried.SnapshotPhotoId).ShouldBe((RaiseAlarm.Outcome.Repeated, first.SnapshotPhotoId));
        await using var db = database.OwnerContext(TenantScope.System);
        var alarm = await db.Set<Alarm>().SingleAsync(a => a.Id == first.Raised.AlarmId);
        (alarm.Source, alarm.Category, alarm.Severity, alarm.ZoneId, alarm.DeviceId, alarm.MergedCount)
            .ShouldBe((AlarmSource.Video, "Smoking", AlarmSeverity.Major, camera.ZoneId, (Guid?)camera.Id, 1));
        camera.ZoneId.ShouldNotBeNull();
        var evidence = await db.Set<VideoAlarmEvidence>().Where(e => e.CameraId == camera.Id).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Algorithm).ToListAsync();
        evidence.Select(e => e.AlarmId).ShouldBe([first.Raised.AlarmId, second.Raised.AlarmId], ignoreOrder: true);
        var own = evidence.Single(e => e.AlarmId == first.Raised.AlarmId);
        (own.SnapshotPhotoId, own.CodeSet, own.Algorithm, own.ClipUrl, own.Confidence).ShouldBe((first.SnapshotPhotoId, "dahua", "SmokingDetect", "https://box.example.cn/clip/1.mp4", 0.9));
        own.Boxes.ShouldBe("""[{"x":0.25,"y":0.1,"w":0.5,"h":0.4}]""");
        own.KeepUntil.ShouldBe(now + TimeSpan.FromDays(90));
        var photo = await db.Photos.SingleAsync(p => p.Id == first.SnapshotPhotoId);
        (photo.EnterpriseId, photo.ContentType, photo.ExpiresAt).ShouldBe((database.Qd1, PhotoContent.PngType, (DateTimeOffset?)null));
        await using var services = database.CreateServices();
        await using var stored = await services.GetRequiredService<IPhotoStore>().OpenReadAsync(photo.StorageKey, default);
        PhotoCorpus.Decode(await ReadAllAsync(stored)).Width.ShouldBe(16);
    }

    [Fact]
    public async Task Refused_messages_are_counted_per_enterprise_and_reason_and_raise_nothing()
    {
        var own = await CameraAsync(database.Qd1, "37021100001320000402", placedInZone: false);
        var foreign = await CameraAsync(database.Qd2, "37021400001320000403", placedInZone: false);
        var now = database.Clock.GetUtcNow();
        var before = await RefusalsAsync(database.Qd1);
        await using var db = database.OwnerContext(TenantScope.System);
        var alarmsBefore = await db.Set<Alarm>().CountAsync(a => a.Source == AlarmSource.Video);

        var results = new[]
        {
            await IntakeAsync(database.Qd1, Message(own.DeviceId, "VMD", now, "r-1", null, vendor: "hikvision")),
            await IntakeAsync(database.Qd1, Message(own.DeviceId, "Smoking", now, "r-2", PhotoCorpus.JpegMagicOnly)),
            await IntakeAsync(database.Qd1, Message(own.DeviceId, "Smoking", now, "r-3", PhotoCorpus.PngHtmlPolyglot[..40])),
            await IntakeAsync(database.Qd1, Message(own.DeviceId, "Smoking", now, "r-4", new byte[VideoAlarmLimits.MaxSnapshotBytes + 1])),
            await IntakeAsync(database.Qd1, Message(foreign.DeviceId, "Smoking", now, "r-5", PhotoCorpus.SmallPng)),
            await IntakeAsync(database.Qd1, Encoding.UTF8.GetBytes("{not json")),
        };

        results.Select(r => r.Refusal).ShouldBe([
            new VideoAlarmRefusal(VideoAlarmRejection.UnknownAlgorithm, "algorithm"),
            new VideoAlarmRefusal(VideoAlarmRejection.SnapshotNotImage, "snapshot"),
            new VideoAlarmRefusal(VideoAlarmRejection.SnapshotNotImage, "snapshot"),
            new VideoAlarmRefusal(VideoAlarmRejection.SnapshotTooLarge, "snapshot"),
            new VideoAlarmRefusal(VideoAlarmRejection.OtherEnterprise, "camera"),
            new VideoAlarmRefusal(VideoAlarmRejection.Malformed, null)]);
        results.ShouldAllBe(r => r.Raised == null && r.SnapshotPhotoId == null);
        (await db.Set<Alarm>().CountAsync(a => a.Source == AlarmSource.Video)).ShouldBe(alarmsBefore);
        var after = await RefusalsAsync(database.Qd1);
        Enum.GetValues<VideoAlarmRejection>().ToDictionary(r => r, r => after.GetValueOrDefault(r) - before.GetValueOrDefault(r))
            .Where(d => d.Value != 0).ShouldBe(new Dictionary<VideoAlarmRejection, long>
            {
                [VideoAlarmRejection.UnknownAlgorithm] = 1,
                [VideoAlarmRejection.SnapshotNotImage] = 2,
                [VideoAlarmRejection.SnapshotTooLarge] = 1,
                [VideoAlarmRejection.OtherEnterprise] = 1,
                [VideoAlarmRejection.Malformed] = 1,
            }, ignoreOrder: true);

        // The other enterprise, whose camera was named, counts nothing: the refusal is the sender's.
        (await RefusalsAsync(database.Qd2)).Values.Sum().ShouldBe(0);
        await using var qd2 = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "qd2"));
        (await qd2.Set<VideoAlarmRefusalCount>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_snapshot_is_kept_for_its_retention_and_while_its_alarm_is_open_then_removed_with_its_file()
    {
        var camera = await CameraAsync(database.Qd1, "37021100001320000404", placedInZone: false);
        var now = database.Clock.GetUtcNow();
        var duty = await ActorAsync(database.Qd1, "demo-qd1-admin");
        var closed = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "FireFlame", now.AddMinutes(-3), "keep-1", PhotoCorpus.SmallPng));
        var open = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "PhoneUse", now.AddMinutes(-2), "keep-2", PhotoCorpus.SmallPng));
        await using (var handling = database.CreateServices())
        {
            await RunAsync<MarkAlarmFalse.Handler>(handling, duty, h => h.HandleAsync(duty, new(closed.Raised!.AlarmId, FalseAlarmReason.Test, null), default));
        }

        var key = await StorageKeyAsync(closed.SnapshotPhotoId!.Value);
        var justBefore = await DeleteExpiredAsync(now + TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        var after = await DeleteExpiredAsync(now + TimeSpan.FromDays(91));

        justBefore.ShouldBe(0);
        after.ShouldBe(1);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Photos.AnyAsync(p => p.Id == closed.SnapshotPhotoId)).ShouldBeFalse();
        (await db.Photos.AnyAsync(p => p.Id == open.SnapshotPhotoId)).ShouldBeTrue();
        var evidence = await db.Set<VideoAlarmEvidence>().SingleAsync(e => e.AlarmId == closed.Raised!.AlarmId);
        (evidence.SnapshotPhotoId, evidence.ClipUrl).ShouldBe((null, "https://box.example.cn/clip/1.mp4"));
        await using var services = database.CreateServices();
        await Should.ThrowAsync<DualPrevention.Core.NotFoundException>(() => services.GetRequiredService<IPhotoStore>().OpenReadAsync(key, default));
    }

    [Fact]
    public async Task A_converted_alarms_snapshot_becomes_the_hidden_dangers_before_photo_and_outlives_its_retention()
    {
        var camera = await CameraAsync(database.Qd1, "37021100001320000405", placedInZone: true);
        var now = database.Clock.GetUtcNow();
        var duty = await ActorAsync(database.Qd1, "demo-qd1-admin");
        var leak = await IntakeAsync(database.Qd1, Message(camera.DeviceId, "LeakSpill", now.AddMinutes(-1), "convert-1", PhotoCorpus.SmallPng));
        Guid hiddenDanger;
        await using (var services = database.CreateServices())
        {
            var alarmId = leak.Raised!.AlarmId;
            await RunAsync<ConfirmAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarmId), default));
            var draft = await RunAsync<ConvertAlarmToHiddenDanger.Handler, HiddenDangerReport>(services, duty, h => h.DraftAsync(alarmId, default));
            hiddenDanger = await RunAsync<ConvertAlarmToHiddenDanger.Handler, Guid>(services, duty, h => h.HandleAsync(duty, new(alarmId, draft), default));
        }

        await DeleteExpiredAsync(now + TimeSpan.FromDays(400));

        await using var db = database.OwnerContext(TenantScope.System);
        var photo = await db.Photos.SingleAsync(p => p.Id == leak.SnapshotPhotoId);
        (photo.HiddenDangerId, photo.Kind).ShouldBe(((Guid?)hiddenDanger, PhotoKind.Finding));
    }

    private static byte[] Message(string camera, string algorithm, DateTimeOffset at, string eventId, byte[]? snapshot, string? vendor = null)
    {
        var vendorField = vendor is null ? "" : $"\"vendor\":\"{vendor}\",";
        var snapshotField = snapshot is null ? "" : $",\"snapshot\":\"{Convert.ToBase64String(snapshot)}\"";
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $$"""
            {"camera":"{{camera}}",{{vendorField}}"algorithm":"{{algorithm}}","time":"{{at:yyyy-MM-ddTHH:mm:ss.fff}}Z","confidence":0.9,
             "boxes":[{"x":0.25,"y":0.1,"w":0.5,"h":0.4}],"clipUrl":"https://box.example.cn/clip/1.mp4","eventId":"{{eventId}}"{{snapshotField}}}
            """));
    }

    private async Task<IntakeVideoAlarm.Result> IntakeAsync(Guid enterpriseId, byte[] message)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>().HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, message), default);
    }

    /// <summary>Runs the retention job with a clock of its own at <paramref name="at"/>: the fixture's clock stays.</summary>
    private async Task<int> DeleteExpiredAsync(DateTimeOffset at)
    {
        await using var services = database.CreateServices(s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(at)));
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<DeleteExpiredSnapshots.Handler>().HandleAsync(default);
    }

    private async Task<string> StorageKeyAsync(Guid photoId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Photos.Where(p => p.Id == photoId).Select(p => p.StorageKey).SingleAsync();
    }

    private async Task<Dictionary<VideoAlarmRejection, long>> RefusalsAsync(Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<VideoAlarmRefusalCount>().Where(c => c.EnterpriseId == enterpriseId)
            .GroupBy(c => c.Reason).ToDictionaryAsync(g => g.Key, g => g.Sum(c => c.Count));
    }

    private async Task<Camera> CameraAsync(Guid enterpriseId, string deviceId, bool placedInZone)
    {
        var admin = enterpriseId == database.Qd1 ? "demo-qd1-admin" : "demo-qd2-admin";
        Guid? plan = null;
        var actor = await ActorAsync(enterpriseId, admin);
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            if (placedInZone)
            {
                plan = await db.Set<SitePlan>().Where(p => p.EnterpriseId == enterpriseId).Select(p => p.Id).FirstAsync();
            }
        }

        await using (var services = database.CreateServices())
        {
            await RunAsync<SaveCamera.Handler, Guid>(services, actor, h => h.HandleAsync(
                actor,
                new SaveCamera.Command(null, new CameraDetails("Camera " + deviceId[^3..], deviceId, "rtsp://10.0.0.8/ch1", plan, placedInZone ? 50 : null, placedInZone ? 150 : null, null, true)),
                default));
        }

        await using var read = database.OwnerContext(TenantScope.System);
        return await read.Set<Camera>().SingleAsync(c => c.DeviceId == deviceId);
    }

    private async Task<Actor> ActorAsync(Guid enterpriseId, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static async Task<TResult> RunAsync<THandler, TResult>(ServiceProvider services, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static async Task RunAsync<THandler>(ServiceProvider services, Actor actor, Func<THandler, Task> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
