using System.Text.Json;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// The one intake of a video alarm message, whatever carried it (HTTP or MQTT, ADR 0046): reads the payload, proves the
/// snapshot by decoding it (the photo pipeline, ADR 0021; a camera's JPEG keeps its bytes without metadata, ADR 0052), raises the alarm through <see cref="AcceptVideoAlarm"/> and
/// keeps the snapshot, boxes and clip URL as the alarm's <see cref="VideoAlarmEvidence"/>. A refused message is counted
/// per enterprise, day and reason (<see cref="VideoAlarmRefusalCount"/>) and answered with its reason and field; a
/// message sent again is the same alarm and stores nothing twice. Runs in the transport's system scope; the enterprise
/// is the credential's or the topic's, never the payload's.
/// </summary>
public static class IntakeVideoAlarm
{
    /// <param name="Snapshot">A snapshot uploaded beside the JSON (multipart), instead of the payload's base64.</param>
    public sealed record Command(Guid EnterpriseId, ReadOnlyMemory<byte> Message, byte[]? Snapshot = null);

    /// <summary>Raised, merged or repeated into the alarm centre with its evidence's snapshot, or refused with its reason.</summary>
    public sealed record Result(RaiseAlarm.Result? Raised, VideoAlarmRefusal? Refusal, Guid? SnapshotPhotoId);

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        AcceptVideoAlarm.Handler accept,
        IPhotoStore store,
        IOptions<PhotoLimits> photoLimits,
        IOptions<VideoEvidenceOptions> evidence,
        TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var reading = VideoAlarmPayload.Parse(command.Message.Span, now);
            if (reading.Refusal is { } parsed)
            {
                return await RefusedAsync(command.EnterpriseId, parsed, now, cancellationToken);
            }

            var alarm = reading.Alarm!;
            if (command.Snapshot is { } uploaded)
            {
                if (alarm.Snapshot is not null || uploaded.Length == 0)
                {
                    return await RefusedAsync(command.EnterpriseId, new(VideoAlarmRejection.Malformed, VideoAlarmPayload.SnapshotField), now, cancellationToken);
                }

                if (uploaded.Length > VideoAlarmLimits.MaxSnapshotBytes)
                {
                    return await RefusedAsync(command.EnterpriseId, new(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField), now, cancellationToken);
                }

                alarm = alarm with { Snapshot = uploaded };
            }

            ProvenPhoto? snapshot = null;
            if (alarm.Snapshot is { } bytes)
            {
                try
                {
                    snapshot = await PhotoContent.ProveSnapshotAsync(bytes, VideoAlarmPayload.SnapshotField, photoLimits.Value, cancellationToken);
                }
                catch (DomainRuleException)
                {
                    return await RefusedAsync(command.EnterpriseId, new(VideoAlarmRejection.SnapshotNotImage, VideoAlarmPayload.SnapshotField), now, cancellationToken);
                }
            }

            var accepted = await accept.HandleAsync(new AcceptVideoAlarm.Command(command.EnterpriseId, alarm), cancellationToken);
            if (accepted.Refusal is { } refusal)
            {
                return await RefusedAsync(command.EnterpriseId, refusal, now, cancellationToken);
            }

            var raised = accepted.Raised!;
            if (raised.Outcome == RaiseAlarm.Outcome.Repeated)
            {
                await using var read = await dbFactory.CreateDbContextAsync(cancellationToken);
                var kept = await read.Set<VideoAlarmEvidence>().Where(e => e.AlarmId == raised.AlarmId).Select(e => e.SnapshotPhotoId).FirstOrDefaultAsync(cancellationToken);
                return new Result(raised, null, kept);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterprise = await db.Enterprises.Where(e => e.Id == command.EnterpriseId)
                .Select(e => new { e.RegionCode, e.Kinds }).SingleAsync(cancellationToken);
            Photo? photo = null;
            if (snapshot is not null)
            {
                var stored = await store.SaveAsync(snapshot, cancellationToken);
                photo = Photo.Create(command.EnterpriseId, enterprise.RegionCode, stored, null, now);
                photo.AttachToAlarm();
                db.Add(photo);
            }

            var retention = evidence.Value.RetentionFor(enterprise.Kinds.HasFlag(EnterpriseKinds.GasStation));
            db.Add(VideoAlarmEvidence.Create(
                raised.AlarmId, command.EnterpriseId, enterprise.RegionCode, accepted.CameraId!.Value, alarm, BoxesJson(alarm.Boxes), photo?.Id, now, retention));
            await db.SaveChangesAsync(cancellationToken);
            return new Result(raised, null, photo?.Id);
        }

        /// <summary>Counts and answers a message the transport refused before reading it (a multipart snapshot over the limit).</summary>
        public Task<Result> RefuseAsync(Guid enterpriseId, VideoAlarmRefusal refusal, CancellationToken cancellationToken) =>
            RefusedAsync(enterpriseId, refusal, clock.GetUtcNow(), cancellationToken);

        private async Task<Result> RefusedAsync(Guid enterpriseId, VideoAlarmRefusal refusal, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var day = BusinessTime.LocalDate(now);
            var reason = (int)refusal.Reason;

            // An enterprise that does not exist has nobody to show a count to; its messages are only answered.
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO video_alarm_refusal_count (enterprise_id, region_code, day, reason, count, last_refused_at)
                SELECT e.id, e.region_code, {day}, {reason}, 1, {now} FROM enterprise e WHERE e.id = {enterpriseId}
                ON CONFLICT (enterprise_id, day, reason) DO UPDATE SET
                  count = video_alarm_refusal_count.count + 1,
                  last_refused_at = greatest(video_alarm_refusal_count.last_refused_at, excluded.last_refused_at)
                """,
                cancellationToken);
            return new Result(null, refusal, null);
        }

        private static string BoxesJson(IReadOnlyList<VideoAlarmBox> boxes) =>
            JsonSerializer.Serialize(boxes.Select(b => new { x = b.X, y = b.Y, w = b.Width, h = b.Height }));
    }
}
