namespace DualPrevention.Core.Alarms;

/// <summary>
/// The alarm centre's configurable numbers (section <c>Alarms</c>, ADR 0037): the dedup window and the minutes within
/// which each category must be confirmed before the enterprise's duty roles, then the city bureau, are told.
/// </summary>
public sealed class AlarmRules
{
    public const string Section = "Alarms";

    /// <summary>Minutes after an open alarm's latest occurrence within which the same source, category and subject merge into it.</summary>
    public int DedupMinutes { get; set; } = 10;

    /// <summary>Minutes to confirm an alarm of a category not in <see cref="ConfirmMinutes"/>.</summary>
    public int DefaultConfirmMinutes { get; set; } = 30;

    /// <summary>
    /// Minutes to confirm per category code. SOS, fire and smoke, leaks and people down have the shortest time
    /// (docs/domain/alarms.md#3-rules: "confirmed within 1–3 min"); configuration may override any entry.
    /// </summary>
    public Dictionary<string, int> ConfirmMinutes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [AlarmCategories.Sos] = 2,
        [AlarmCategories.Fall] = 2,
        [AlarmCategories.PersonDown] = 2,
        [AlarmCategories.FireFlame] = 2,
        [AlarmCategories.Smoke] = 2,
        [AlarmCategories.LeakSpill] = 3,
    };

    /// <summary>Minutes to confirm an alarm of <paramref name="category"/>, at least one and at most a day.</summary>
    public int ConfirmMinutesOf(string category) =>
        Math.Clamp(ConfirmMinutes.TryGetValue(category, out var minutes) ? minutes : DefaultConfirmMinutes, 1, 24 * 60);

    /// <summary>The dedup window, at least one minute and at most a day.</summary>
    public TimeSpan DedupWindow => TimeSpan.FromMinutes(Math.Clamp(DedupMinutes, 1, 24 * 60));
}
