namespace DualPrevention.Core.Positioning;

/// <summary>
/// The bounds a fix must keep (docs/positioning-ingest.md#payload); the parser refuses a fix outside them with
/// <see cref="FixRejection.OutOfRange"/> or a time rejection, and the database's CHECK constraints hold the same.
/// </summary>
public static class FixLimits
{
    /// <summary>Most fixes one MQTT message or HTTP request may carry.</summary>
    public const int MaxFixesPerMessage = 1_000;

    /// <summary>Largest message or request body in bytes: 1,000 fixes of about 200 bytes each, with room.</summary>
    public const int MaxMessageBytes = 512 * 1024;

    /// <summary>Longest tag serial, as <see cref="PositioningTag.Serial"/>.</summary>
    public const int MaxSerialLength = 64;

    /// <summary>Farthest plan coordinate from the origin, metres: a plant is a few kilometres across.</summary>
    public const double MaxPlanMetres = 100_000;

    /// <summary>Floors of a plant, cellars included.</summary>
    public const int MinFloor = -10;

    public const int MaxFloor = 200;

    /// <summary>Worst accuracy an engine may report, metres.</summary>
    public const double MaxAccuracyMetres = 1_000;

    /// <summary>How far a tag's clock may run ahead of the platform's.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>How old a fix may be: a gateway that lost its uplink for a shift still delivers its buffer.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
}
