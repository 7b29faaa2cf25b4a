using DualPrevention.Core;

namespace DualPrevention.Web.Shell;

/// <summary>The bounds every date picker offers (<c>MinDate</c>/<c>MaxDate</c>): the world's first and last day (ADR 0016).</summary>
internal static class WorldDatePickers
{
    public static DateTime Min { get; } = WorldDates.First.ToDateTime(TimeOnly.MinValue);

    public static DateTime Max { get; } = WorldDates.Last.ToDateTime(TimeOnly.MinValue);
}
