using System.Globalization;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// The language a group reads its robot's posts in (ADR 0019): Chinese unless its owner chose English, whoever's
/// action caused the post. Stored as the culture name.
/// </summary>
public static class GroupRobotLanguages
{
    public const string Chinese = "zh-CN";

    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    public static bool IsKnown(string? language) => language is Chinese or English;

    /// <summary>The culture the notice templates (ADR 0018) are rendered in for <paramref name="language"/>.</summary>
    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language);
}
