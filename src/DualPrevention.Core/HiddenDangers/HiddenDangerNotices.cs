using System.Globalization;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The notices of hidden-danger workflow steps (<see cref="INotice"/>, ADR 0018), each naming the enterprise, the
/// level and the hidden danger first; the link opens the item itself. Texts: <c>HiddenDangerNotice.*</c> in this
/// folder's Messages.resx.
/// </summary>
internal static class HiddenDangerNotice
{
    /// <summary>
    /// "Enterprise: major hidden danger “name” (number). " in <paramref name="culture"/>; without the number for a
    /// notice stored before hidden dangers were numbered (ADR 0032).
    /// </summary>
    public static string Subject(CultureInfo culture, string enterprise, HiddenDangerLevel level, string hiddenDanger, string? number) => number is null
        ? Notices.Text(culture, "HiddenDangerNotice.Subject", enterprise, Level(culture, level), hiddenDanger)
        : Notices.Text(culture, "HiddenDangerNotice.Subject.Numbered", enterprise, Level(culture, level), hiddenDanger, number);

    /// <summary>重大隐患 or 一般隐患, in words that fit inside a sentence.</summary>
    public static string Level(CultureInfo culture, HiddenDangerLevel level) => level switch
    {
        HiddenDangerLevel.Major => Notices.Text(culture, "HiddenDangerNotice.Level.Major"),
        HiddenDangerLevel.General => Notices.Text(culture, "HiddenDangerNotice.Level.General"),
    };
}

/// <summary>新隐患待确认: a report reached pending confirmation; to its confirmers.</summary>
public sealed record HiddenDangerReportedNotice(string Enterprise, HiddenDangerLevel Level, string HiddenDanger, string ReportedBy, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.Reported";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "HiddenDangerNotice.Reported.Title"),
        Notices.Text(culture, "HiddenDangerNotice.Reported.Body", HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number), ReportedBy));
}

/// <summary>您已被指定为隐患整改责任人: the confirmer named the recipient rectifier.</summary>
public sealed record RectifierAssignedNotice(string Enterprise, HiddenDangerLevel Level, string HiddenDanger, DateOnly? Deadline, string ConfirmedBy, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.RectifierAssigned";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "HiddenDangerNotice.RectifierAssigned.Title"),
        Notices.Text(culture, "HiddenDangerNotice.RectifierAssigned.Body", HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number), Notices.Date(culture, Deadline), ConfirmedBy));
}

/// <summary>隐患整改待验收: a rectification was submitted; to those who may accept it.</summary>
public sealed record RectificationSubmittedNotice(string Enterprise, HiddenDangerLevel Level, string HiddenDanger, string SubmittedBy, string Note, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.RectificationSubmitted";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "HiddenDangerNotice.RectificationSubmitted.Title"),
        Notices.Text(culture, "HiddenDangerNotice.RectificationSubmitted.Body", HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number), SubmittedBy, Note));
}

/// <summary>隐患验收未通过: the rectification was refused; to the rectifier.</summary>
public sealed record AcceptanceRejectedNotice(string Enterprise, HiddenDangerLevel Level, string HiddenDanger, string RejectedBy, string Comment, DateOnly? Deadline, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.AcceptanceRejected";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "HiddenDangerNotice.AcceptanceRejected.Title"),
        Notices.Text(culture, "HiddenDangerNotice.AcceptanceRejected.Body", HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number), RejectedBy, Comment, Notices.Date(culture, Deadline)));
}

/// <summary>延期申请已批准 / 未批准: an extension request was decided; to who asked.</summary>
public sealed record ExtensionDecidedNotice(
    string Enterprise, HiddenDangerLevel Level, string HiddenDanger, bool Approved, string DecidedBy, DateOnly PreviousDeadline, DateOnly RequestedDeadline, string? Comment, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.ExtensionDecided";

    public NoticeText Render(CultureInfo culture)
    {
        var subject = HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number);
        var comment = Comment is { } text ? Notices.Text(culture, "HiddenDangerNotice.ExtensionDecided.Comment", text) : "";
        var previous = Notices.Date(culture, PreviousDeadline);
        var requested = Notices.Date(culture, RequestedDeadline);
        return Approved
            ? new(Notices.Text(culture, "HiddenDangerNotice.ExtensionDecided.ApprovedTitle"),
                Notices.Text(culture, "HiddenDangerNotice.ExtensionDecided.ApprovedBody", subject, DecidedBy, previous, requested, comment).TrimEnd())
            : new(Notices.Text(culture, "HiddenDangerNotice.ExtensionDecided.RefusedTitle"),
                Notices.Text(culture, "HiddenDangerNotice.ExtensionDecided.RefusedBody", subject, DecidedBy, previous, requested, comment).TrimEnd());
    }
}

/// <summary>重大隐患已被挂牌督办: a bureau posted the major hidden danger; to the enterprise's managers.</summary>
public sealed record HiddenDangerPostedNotice(string Enterprise, HiddenDangerLevel Level, string HiddenDanger, string Organisation, string NoticeNo, DateOnly Deadline, string? Number = null) : INotice
{
    public static string Key => "HiddenDangerNotice.Posted";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "HiddenDangerNotice.Posted.Title"),
        Notices.Text(culture, "HiddenDangerNotice.Posted.Body", HiddenDangerNotice.Subject(culture, Enterprise, Level, HiddenDanger, Number), Organisation, NoticeNo, Notices.Date(culture, Deadline)));
}
