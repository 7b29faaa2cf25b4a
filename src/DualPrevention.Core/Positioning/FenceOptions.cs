namespace DualPrevention.Core.Positioning;

/// <summary>
/// The fence rules' numbers (section <c>Positioning:Fences</c>, ADR 0040; docs/domain/positioning.md#3-alarm-types leaves
/// them to the tenant and proposes a 30 s debounce). Checked at start by <see cref="Problems"/>.
/// </summary>
public sealed class FenceOptions
{
    public const string Section = "Positioning:Fences";

    /// <summary>
    /// Seconds a tag must be seen inside a zone before it counts as in it, seconds it must be seen outside before its
    /// stay ends, and seconds a headcount must stay above the maximum or below the minimum before it is an alarm.
    /// </summary>
    public int DebounceSeconds { get; set; } = 30;

    /// <summary>Metres a tag may wander (positioning jitter) and still count as not moving for the stillness rule.</summary>
    public double StillRadiusMetres { get; set; } = 2;

    /// <summary>Minutes without a fix, last seen inside a zone, before a <c>TagOffline</c> alarm.</summary>
    public int OfflineMinutes { get; set; } = 10;

    /// <summary>Battery percent below which a fix raises <c>LowBattery</c>; the episode ends at this plus five.</summary>
    public int LowBatteryPercent { get; set; } = 20;

    /// <summary>Minutes a person required in a zone may be seen outside it, within its hours, before a <c>LeftZone</c> alarm.</summary>
    public int LeftZoneMinutes { get; set; } = 10;

    /// <summary>How many people within <see cref="GatheringRadiusMetres"/> of one another in a red or orange zone are a gathering.</summary>
    public int GatheringPersons { get; set; } = 5;

    public double GatheringRadiusMetres { get; set; } = 5;

    /// <summary>Metres a visitor may be from their escort in a zone that requires one before <c>EscortMissing</c>.</summary>
    public double EscortMetres { get; set; } = 20;

    /// <summary>Seconds after which an enterprise's zones are read again (zones edited on another node); an edit on this node refreshes at once.</summary>
    public int ZoneRefreshSeconds { get; set; } = 60;

    public TimeSpan Debounce => TimeSpan.FromSeconds(DebounceSeconds);

    /// <summary>What is out of range, empty when the options can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (DebounceSeconds is < 1 or > 600)
        {
            problems.Add($"{Section}:DebounceSeconds must lie within 1…600.");
        }

        if (StillRadiusMetres is < 0.1 or > 50 || double.IsNaN(StillRadiusMetres))
        {
            problems.Add($"{Section}:StillRadiusMetres must lie within 0.1…50.");
        }

        if (OfflineMinutes is < 1 or > 1440)
        {
            problems.Add($"{Section}:OfflineMinutes must lie within 1…1440.");
        }

        if (LowBatteryPercent is < 1 or > 90)
        {
            problems.Add($"{Section}:LowBatteryPercent must lie within 1…90.");
        }

        if (LeftZoneMinutes is < 1 or > 240)
        {
            problems.Add($"{Section}:LeftZoneMinutes must lie within 1…240.");
        }

        if (GatheringPersons is < 2 or > 100)
        {
            problems.Add($"{Section}:GatheringPersons must lie within 2…100.");
        }

        if (GatheringRadiusMetres is < 0.5 or > 100 || double.IsNaN(GatheringRadiusMetres))
        {
            problems.Add($"{Section}:GatheringRadiusMetres must lie within 0.5…100.");
        }

        if (EscortMetres is < 1 or > 500 || double.IsNaN(EscortMetres))
        {
            problems.Add($"{Section}:EscortMetres must lie within 1…500.");
        }

        if (ZoneRefreshSeconds is < 1 or > 3600)
        {
            problems.Add($"{Section}:ZoneRefreshSeconds must lie within 1…3600.");
        }

        return problems;
    }
}
