using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// 报警证据: what an AI box sent with one accepted video alarm (ADR 0046): the snapshot stored as a photo, the boxes the
/// algorithm drew on it, the clip's and the box's own snapshot URL, and how long the snapshot is kept. One row per alarm
/// of the alarm centre, merged repeats included, so every occurrence keeps its picture.
/// </summary>
public sealed class VideoAlarmEvidence : ITenantOwned
{
    /// <summary>Longest <see cref="Boxes"/> as JSON: 50 boxes of four numbers.</summary>
    public const int BoxesLength = 8000;

    private VideoAlarmEvidence()
    {
    }

    /// <summary>The alarm this evidence belongs to (also the key).</summary>
    public Guid AlarmId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid CameraId { get; private set; }

    /// <summary>The code set and the algorithm code as the box sent them.</summary>
    public string? CodeSet { get; private set; }

    public string Algorithm { get; private set; } = "";

    /// <summary>0–1, when sent.</summary>
    public double? Confidence { get; private set; }

    /// <summary>The boxes as a JSON array of <c>{"x","y","w","h"}</c> fractions of the snapshot.</summary>
    public string Boxes { get; private set; } = "[]";

    /// <summary>The snapshot, proven and stored through the photo pipeline; null when none was sent or it was removed after <see cref="KeepUntil"/>.</summary>
    public Guid? SnapshotPhotoId { get; private set; }

    public string? SnapshotUrl { get; private set; }

    public string? ClipUrl { get; private set; }

    /// <summary>UTC; when intake received the message.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>
    /// UTC; the snapshot is kept at least until then (docs/domain/video-alarms.md#6-unloading-sessions-and-retention) and
    /// longer while its alarm is open or a hidden danger holds it as its before-photo.
    /// </summary>
    public DateTimeOffset KeepUntil { get; private set; }

    public static VideoAlarmEvidence Create(
        Guid alarmId, Guid enterpriseId, string regionCode, Guid cameraId, ReceivedVideoAlarm alarm, string boxes, Guid? snapshotPhotoId, DateTimeOffset now, TimeSpan retention) =>
        new()
        {
            AlarmId = alarmId,
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            CameraId = cameraId,
            CodeSet = alarm.CodeSet,
            Algorithm = alarm.Algorithm,
            Confidence = alarm.Confidence,
            Boxes = boxes,
            SnapshotPhotoId = snapshotPhotoId,
            SnapshotUrl = alarm.SnapshotUrl,
            ClipUrl = alarm.ClipUrl,
            ReceivedAt = now,
            KeepUntil = now + retention,
        };
}
