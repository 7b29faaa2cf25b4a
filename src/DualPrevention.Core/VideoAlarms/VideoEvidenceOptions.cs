namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// How long video alarm snapshots are kept (configuration section <c>VideoAlarms:Evidence</c>, ADR 0046): station video
/// 90 days by default, which meets both the 30-day and the 90-day figures
/// (docs/domain/video-alarms.md#6-unloading-sessions-and-retention); plants the same unless configured otherwise. A
/// snapshot is never removed while its alarm is open, nor once it is a hidden danger's before-photo.
/// </summary>
public sealed class VideoEvidenceOptions
{
    public const string Section = "VideoAlarms:Evidence";

    /// <summary>Fewest days a setting may keep a snapshot.</summary>
    public const int MinDays = 1;

    /// <summary>Most days a setting may keep a snapshot: ten years.</summary>
    public const int MaxDays = 3650;

    /// <summary>Days a gas station's snapshots are kept at least.</summary>
    public int GasStationDays { get; set; } = 90;

    /// <summary>Days the snapshots of every other enterprise are kept at least.</summary>
    public int PlantDays { get; set; } = 90;

    /// <summary>The settings out of range, named; empty when valid.</summary>
    public IReadOnlyList<string> Problems() =>
        [
            .. GasStationDays is < MinDays or > MaxDays ? [nameof(GasStationDays)] : Array.Empty<string>(),
            .. PlantDays is < MinDays or > MaxDays ? [nameof(PlantDays)] : Array.Empty<string>(),
        ];

    public TimeSpan RetentionFor(bool gasStation) => TimeSpan.FromDays(gasStation ? GasStationDays : PlantDays);
}
