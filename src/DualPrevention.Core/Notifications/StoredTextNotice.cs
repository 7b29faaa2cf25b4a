using System.Globalization;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// A notification written as text before notices were stored as templates (migration <c>StoredNotificationsAsTemplates</c>
/// moved the old title and body here): shown as written, in whatever language that was.
/// </summary>
public sealed record StoredTextNotice(string Title, string Body) : INotice
{
    public static string Key => "StoredText";

    public NoticeText Render(CultureInfo culture) => new(Title, Body);
}
