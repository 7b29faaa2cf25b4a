namespace DualPrevention.Core.Inspections;

/// <summary>The span a board counts: one local day, or the ISO week (Monday to Sunday) holding a date (ADR 0003).</summary>
public enum BoardPeriodKind
{
    Day = 0,
    Week = 1,
}

/// <summary>A board period resolved to local dates and UTC bounds; windows count in the period their start falls in.</summary>
/// <param name="From">First local date.</param>
/// <param name="To">Local date after the last.</param>
/// <param name="StartUtc">UTC, inclusive.</param>
/// <param name="EndUtc">UTC, exclusive.</param>
public sealed record BoardPeriod(DateOnly From, DateOnly To, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public static BoardPeriod Of(BoardPeriodKind kind, DateOnly date)
    {
        var from = kind == BoardPeriodKind.Week ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : date;
        var to = from.AddDays(kind == BoardPeriodKind.Week ? 7 : 1);
        return new BoardPeriod(from, to, BusinessTime.FromLocal(from.ToDateTime(TimeOnly.MinValue)), BusinessTime.FromLocal(to.ToDateTime(TimeOnly.MinValue)));
    }

    /// <summary>
    /// Completion rate in whole percent, completed ÷ due rounded half away from zero (5 of 8 → 63); null when nothing
    /// was due. Suspended and cancelled windows are not due (docs/domain/dual-prevention.md#56-deactivation-periods).
    /// </summary>
    public static int? Rate(int completed, int due) => Reports.Percent.Round(Reports.Percent.Of(completed, due));
}
