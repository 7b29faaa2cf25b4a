namespace DualPrevention.Core.Demo;

/// <summary>The story's calendar: day 0 is <see cref="StoryScript.Days"/> local days before today (Asia/Shanghai, ADR 0003).</summary>
internal static class StoryDays
{
    /// <summary>The local date of story day 0 for a story told at <paramref name="now"/> (UTC).</summary>
    public static DateOnly FirstDay(DateTimeOffset now) => BusinessTime.LocalDate(now).AddDays(-StoryScript.Days);

    /// <summary>The UTC instant of a local time of day on story day <paramref name="day"/>.</summary>
    public static DateTimeOffset At(DateOnly firstDay, int day, int hour, int minute) =>
        BusinessTime.FromLocal(firstDay.AddDays(day).ToDateTime(new TimeOnly(hour, minute)));
}
