namespace DualPrevention.Core;

/// <summary>
/// The business calendar's time zone (ADR 0003): cycles, windows and deadlines are reckoned in Beijing time,
/// Asia/Shanghai (UTC+8, no daylight saving), and stored in UTC.
/// </summary>
public static class BusinessTime
{
    /// <summary>IANA id, also used by PostgreSQL's <c>AT TIME ZONE</c>.</summary>
    public const string ZoneId = "Asia/Shanghai";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The local wall-clock time of a UTC instant.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    /// <summary>The UTC instant of a local wall-clock time.</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone.GetUtcOffset(local)).ToUniversalTime();

    /// <summary>The local calendar date of a UTC instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset utc) => DateOnly.FromDateTime(ToLocal(utc).DateTime);
}
