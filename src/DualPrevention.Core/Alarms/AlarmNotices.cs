using System.Globalization;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// 报警超时未确认: an alarm was not confirmed within its category's minutes (ADR 0037). Written by
/// <see cref="EscalateUnconfirmedAlarms"/> with <c>jsonb_build_object</c> under these names; <see cref="Level"/> 1 is
/// the enterprise's duty roles, 2 the city bureau; <see cref="Minutes"/> counts from the alarm's raising.
/// </summary>
public sealed record AlarmEscalatedNotice(string Enterprise, string Category, string Summary, int Level, int Minutes) : INotice
{
    public static string Key => "AlarmNotice.Escalated";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, Level >= 2 ? "AlarmNotice.Escalated.Bureau.Title" : "AlarmNotice.Escalated.Title"),
        Notices.Text(culture, "AlarmNotice.Escalated.Body", Enterprise, AlarmCategories.Name(Category, culture), Summary, Minutes));
}
