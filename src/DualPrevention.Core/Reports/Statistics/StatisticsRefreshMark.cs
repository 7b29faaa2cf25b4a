namespace DualPrevention.Core.Reports.Statistics;

/// <summary>
/// When <see cref="RefreshInspectionStatistics"/> last completed (one row, <see cref="Name"/> "inspection"): the
/// next run recomputes only the days whose windows or records changed since then. No row means "rebuild all".
/// </summary>
public sealed class StatisticsRefreshMark
{
    public StatisticsRefreshMark(string name, DateTimeOffset ranAt)
    {
        Name = name;
        RanAt = ranAt;
    }

    public string Name { get; private set; }

    /// <summary>UTC "now" of the last completed refresh.</summary>
    public DateTimeOffset RanAt { get; private set; }
}
