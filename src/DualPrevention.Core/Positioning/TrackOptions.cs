namespace DualPrevention.Core.Positioning;

/// <summary>
/// How the track is thinned and kept (section <c>Positioning:Track</c>; ADR 0038): a fix joins its tag's track when it
/// lies at least <see cref="MinDistanceMetres"/> from the last kept point or <see cref="MaxInterval"/> after it; daily
/// partitions are made <see cref="DaysAhead"/> ahead and dropped after <see cref="RetentionDays"/>
/// (docs/domain/positioning.md#45-retention-and-privacy: 30 days online by default).
/// </summary>
public sealed class TrackOptions
{
    public const string Section = "Positioning:Track";

    public double MinDistanceMetres { get; set; } = 1;

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    public int RetentionDays { get; set; } = 30;

    public int DaysAhead { get; set; } = 3;
}
