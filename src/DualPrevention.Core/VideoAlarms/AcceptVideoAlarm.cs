using System.Globalization;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// Takes one read video alarm of an enterprise's device into the alarm centre (ADR 0046): the camera must be the
/// enterprise's (our id or its GB/T 28181 device id; a camera of another enterprise is refused, whatever the device
/// claims), and the alarm is raised with source Video, the camera as device and its zone and site plan, the category's
/// severity, and the camera and event id as source event id, so a retried message is the same alarm and repeats of one
/// camera and category within the dedup window merge into the open alarm (ADR 0037). Runs in the feed's system scope.
/// </summary>
public static class AcceptVideoAlarm
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <param name="EnterpriseId">The enterprise of the credential or topic the alarm came through, never the payload's.</param>
    public sealed record Command(Guid EnterpriseId, ReceivedVideoAlarm Alarm);

    /// <summary>Raised (or merged, or repeated) into the alarm centre, or refused with its reason.</summary>
    public sealed record Result(RaiseAlarm.Result? Raised, VideoAlarmRefusal? Refusal, Guid? CameraId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, RaiseAlarm.Handler raise)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var received = command.Alarm;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var cameras = Guid.TryParse(received.Camera, out var cameraId)
                ? db.Set<Camera>().Where(c => c.Id == cameraId)
                : db.Set<Camera>().Where(c => c.DeviceId == received.Camera);
            var found = await cameras
                .OrderByDescending(c => c.EnterpriseId == command.EnterpriseId)
                .Select(c => new { c.Id, c.EnterpriseId, c.Name, c.ZoneId, c.SitePlanId })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return new Result(null, new VideoAlarmRefusal(VideoAlarmRejection.UnknownCamera, VideoAlarmPayload.CameraField), null);
            }

            if (found.EnterpriseId != command.EnterpriseId)
            {
                return new Result(null, new VideoAlarmRefusal(VideoAlarmRejection.OtherEnterprise, VideoAlarmPayload.CameraField), null);
            }

            var code = VideoAlarmCategories.CodeOf(received.Category);
            var summary = $"{AlarmCategories.Name(code, Chinese)}：{found.Name}";
            var raised = await raise.HandleAsync(
                new RaiseAlarm.Command(
                    command.EnterpriseId,
                    new RaisedAlarm(
                        AlarmSource.Video,
                        $"{found.Id:N}:{received.EventId}",
                        code,
                        VideoAlarmCategories.SeverityOf(received.Category),
                        received.OccurredAt,
                        summary.Length > Alarm.SummaryLength ? summary[..Alarm.SummaryLength] : summary,
                        found.ZoneId,
                        found.SitePlanId,
                        found.Id)),
                cancellationToken);
            return new Result(raised, null, found.Id);
        }
    }
}
