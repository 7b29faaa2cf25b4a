namespace DualPrevention.Core.Positioning;

/// <summary>
/// Why ingest refused a fix (docs/positioning-ingest.md#what-is-rejected); counted per enterprise and day, never dropped
/// silently. Stored as its number.
/// </summary>
public enum FixRejection
{
    /// <summary>Not JSON, not the documented shape, a field of the wrong type or missing.</summary>
    Malformed = 1,

    /// <summary>The tag's serial is registered nowhere.</summary>
    UnknownTag = 2,

    /// <summary>The tag is registered to another enterprise than the topic's or the credential's (ADR 0036).</summary>
    OtherEnterprise = 3,

    /// <summary>The fix's time lies further ahead than <see cref="FixLimits.MaxAhead"/>.</summary>
    TooFarInFuture = 4,

    /// <summary>The fix's time lies further back than <see cref="FixLimits.MaxAge"/>.</summary>
    TooFarInPast = 5,

    /// <summary>A number outside its documented range.</summary>
    OutOfRange = 6,
}
