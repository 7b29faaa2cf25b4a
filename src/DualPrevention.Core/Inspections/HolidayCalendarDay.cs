namespace DualPrevention.Core.Inspections;

/// <summary>
/// One exception to the Monday–Friday week in the PRC calendar, as announced each year by the State Council
/// (国务院办公厅关于节假日安排的通知): a statutory holiday, or a weekend day worked in exchange (调休).
/// Reference data for every enterprise, editable by administrators; days not listed follow the week.
/// </summary>
public sealed class HolidayCalendarDay
{
    /// <summary>The local (Asia/Shanghai) calendar date.</summary>
    public DateOnly Date { get; private set; }

    public HolidayKind Kind { get; private set; }

    /// <summary>The holiday's name, e.g. 春节.</summary>
    public string Name { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public static HolidayCalendarDay Create(DateOnly date, HolidayKind kind, string name, DateTimeOffset now) =>
        new() { Date = date, Kind = kind, Name = name.Trim(), UpdatedAt = now };

    public void Update(HolidayKind kind, string name, DateTimeOffset now)
    {
        Kind = kind;
        Name = name.Trim();
        UpdatedAt = now;
    }

    /// <summary>Whether a date is a statutory working day given its calendar entry (null when it has none): listed as a holiday or a worked weekend day, else Monday to Friday.</summary>
    public static bool IsStatutoryWorkingDay(DateOnly date, HolidayKind? entry) => entry switch
    {
        HolidayKind.Holiday => false,
        HolidayKind.AdjustedWorkingDay => true,
        _ => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
    };

    /// <summary>
    /// <see cref="IsStatutoryWorkingDay"/> in SQL: <paramref name="date"/> is a date or timestamp expression, <paramref name="kind"/>
    /// the <c>kind</c> of its <c>holiday_calendar_day</c> row (NULL when it has none).
    /// </summary>
    public static string IsStatutoryWorkingDaySql(string date, string kind) =>
        $"(CASE {kind} WHEN {(int)HolidayKind.Holiday} THEN false WHEN {(int)HolidayKind.AdjustedWorkingDay} THEN true ELSE extract(isodow FROM {date}) < 6 END)";
}

/// <summary>What a <see cref="HolidayCalendarDay"/> makes of its date.</summary>
public enum HolidayKind
{
    /// <summary>法定节假日 or the rest days joined to it: not a working day.</summary>
    Holiday = 1,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    AdjustedWorkingDay = 2,
}
