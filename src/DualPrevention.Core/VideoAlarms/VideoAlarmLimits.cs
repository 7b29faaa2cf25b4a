namespace DualPrevention.Core.VideoAlarms;

/// <summary>The bounds of one video alarm message (docs/video-intake.md#payload, ADR 0046).</summary>
public static class VideoAlarmLimits
{
    /// <summary>Largest snapshot after base64 decoding: 2 MiB holds a 1920×1080 JPEG at any usual quality.</summary>
    public const int MaxSnapshotBytes = 2 * 1024 * 1024;

    /// <summary>Largest message: a snapshot at the limit as base64 (4/3) and the rest of the fields.</summary>
    public const int MaxMessageBytes = MaxSnapshotBytes / 3 * 4 + 64 * 1024;

    /// <summary>
    /// Largest HTTP request: a multipart body holds the payload and the snapshot with the form's framing; the server
    /// refuses anything larger before reading it (413).
    /// </summary>
    public const long MaxRequestBytes = 2L * MaxMessageBytes;

    /// <summary>Most boxes one alarm may mark.</summary>
    public const int MaxBoxes = 50;

    public const int MaxUrlLength = 500;

    public const int MaxCodeLength = 64;

    /// <summary>An AI box's clock may run ahead a little.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>A box that was offline delivers its backlog within a day; older alarms are refused as history, not duty.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
}
