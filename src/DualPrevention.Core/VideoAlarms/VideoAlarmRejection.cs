namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// Why intake refused a video alarm (docs/video-intake.md#what-is-refused, ADR 0046): named to the sender and counted
/// per enterprise, never dropped silently. Stored as its number.
/// </summary>
public enum VideoAlarmRejection
{
    /// <summary>Not JSON, not the documented shape, a field of the wrong type or a required field missing.</summary>
    Malformed = 1,

    /// <summary>The <c>vendor</c> names no code set the platform knows.</summary>
    UnknownVendor = 2,

    /// <summary>The algorithm code maps onto no category in its code set.</summary>
    UnknownAlgorithm = 3,

    /// <summary>The camera is registered nowhere (neither our id nor a GB/T 28181 device id of the enterprise).</summary>
    UnknownCamera = 4,

    /// <summary>The camera belongs to another enterprise than the credential's or the topic's.</summary>
    OtherEnterprise = 5,

    /// <summary>The time lies further ahead than <see cref="VideoAlarmLimits.MaxAhead"/>.</summary>
    TooFarInFuture = 6,

    /// <summary>The time lies further back than <see cref="VideoAlarmLimits.MaxAge"/>.</summary>
    TooFarInPast = 7,

    /// <summary>A number outside its documented range (confidence, a box) or too many boxes.</summary>
    OutOfRange = 8,

    /// <summary>The snapshot is larger than <see cref="VideoAlarmLimits.MaxSnapshotBytes"/>.</summary>
    SnapshotTooLarge = 9,

    /// <summary>The snapshot does not decode as a JPEG or PNG image.</summary>
    SnapshotNotImage = 10,
}
