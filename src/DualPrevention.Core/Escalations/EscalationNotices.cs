using System.Globalization;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// An escalation step about one hidden danger (<see cref="INotice"/>, ADR 0018), written by
/// <see cref="NotifyEscalationsSql.NotifyBatch"/> with <c>jsonb_build_object</c> under these names.
/// <see cref="DaysPastDeadline"/> counts from the day the step fired: negative before the deadline, null without one.
/// <see cref="Number"/> is the hidden danger's number (ADR 0032), named like the workflow notices name it; null in a
/// notice stored before escalation notices carried it.
/// </summary>
public sealed record HiddenDangerEscalatedNotice(
    EscalationTrigger Trigger, string Enterprise, HiddenDangerLevel Level, string HiddenDanger, DateOnly? Deadline, string Rectifier, int? DaysPastDeadline,
    string? Number = null) : INotice
{
    public static string Key => "EscalationNotice.HiddenDanger";

    public NoticeText Render(CultureInfo culture)
    {
        var dueSoon = DaysPastDeadline < 0;
        var title = Trigger switch
        {
            EscalationTrigger.BeforeDeadline when dueSoon => "EscalationNotice.DueSoon",
            EscalationTrigger.BeforeDeadline => "EscalationNotice.DueToday",
            EscalationTrigger.Overdue when Level == HiddenDangerLevel.Major => "EscalationNotice.MajorOverdue",
            EscalationTrigger.Overdue => "EscalationNotice.Overdue",
            EscalationTrigger.Registered => "EscalationNotice.Registered",
            EscalationTrigger.PostedOverdue => "EscalationNotice.PostedOverdue",
            EscalationTrigger.MissedWindowsInWeek => throw NotAboutOneHiddenDanger(),
        };
        var advice = Trigger switch
        {
            EscalationTrigger.BeforeDeadline when dueSoon => Notices.Text(culture, "EscalationNotice.DueSoon.Advice", -DaysPastDeadline),
            EscalationTrigger.BeforeDeadline => Notices.Text(culture, "EscalationNotice.DueToday.Advice"),
            EscalationTrigger.Overdue => Notices.Text(culture, "EscalationNotice.Overdue.Advice", DaysPastDeadline),
            EscalationTrigger.Registered => Notices.Text(culture, "EscalationNotice.Registered.Advice"),
            EscalationTrigger.PostedOverdue => Notices.Text(culture, "EscalationNotice.PostedOverdue.Advice"),
            EscalationTrigger.MissedWindowsInWeek => throw NotAboutOneHiddenDanger(),
        };
        var rectifier = Rectifier.Length > 0 ? Rectifier : Notices.Text(culture, "EscalationNotice.NoRectifier");
        var level = HiddenDangerNotice.Level(culture, Level);
        var deadline = Notices.Date(culture, Deadline);
        return new(
            Notices.Text(culture, title + ".Title"),
            Number is null
                ? Notices.Text(culture, "EscalationNotice.HiddenDanger.Body", Enterprise, level, HiddenDanger, deadline, rectifier, advice)
                : Notices.Text(culture, "EscalationNotice.HiddenDanger.Body.Numbered", Enterprise, level, HiddenDanger, deadline, rectifier, advice, Number));
    }

    /// <summary>Missed windows are an enterprise's, told by <see cref="MissedWindowsEscalatedNotice"/>.</summary>
    private static InvalidOperationException NotAboutOneHiddenDanger() =>
        new("Missed windows are escalated as MissedWindowsEscalatedNotice, never about one hidden danger.");
}

/// <summary>排查任务漏检: an enterprise missed more windows in one ISO week (<see cref="Period"/>, e.g. 2026-W49) than its rule allows.</summary>
public sealed record MissedWindowsEscalatedNotice(string Enterprise, string Period, int Missed) : INotice
{
    public static string Key => "EscalationNotice.MissedWindows";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "EscalationNotice.MissedWindows.Title"),
        Notices.Text(culture, "EscalationNotice.MissedWindows.Body", Enterprise, Period, Missed));
}
