namespace DualPrevention.Core.Positioning;

/// <summary>
/// The domain ranges of site plans and zones (ADR 0024); the validators and the database's CHECK constraints hold the
/// same bounds (docs/domain/positioning.md#2-records).
/// </summary>
public static class PositioningLimits
{
    /// <summary>The widest or tallest plan image in pixels, as the photo pipeline's decoding limit (ADR 0021).</summary>
    public const int MaxImagePixels = 20_000;

    /// <summary>Most people a zone may be set to hold: a whole plant at a shift change.</summary>
    public const int MaxOccupancy = 10_000;

    /// <summary>The longest stillness or overstay threshold: one day.</summary>
    public const int MaxAlarmSeconds = 86_400;

    /// <summary>The most corners an outline may have; a hand-drawn zone has tens.</summary>
    public const int MaxOutlinePoints = 1_000;
}
