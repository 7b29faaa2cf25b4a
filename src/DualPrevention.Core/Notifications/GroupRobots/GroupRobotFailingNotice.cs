using System.Globalization;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>A robot failed <see cref="Failures"/> times in a row; told to whoever added it (ADR 0019).</summary>
public sealed record GroupRobotFailingNotice(string Robot, int Failures, string Error) : INotice
{
    public static string Key => "GroupRobotNotice.Failing";

    public NoticeText Render(CultureInfo culture) => new(
        Notices.Text(culture, "GroupRobotNotice.Failing.Title"),
        Notices.Text(culture, "GroupRobotNotice.Failing.Body", Robot, Failures, Error));
}
