using System.Globalization;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Testing;

/// <summary>Stored notices read as a reader of each language reads them.</summary>
public static class NotificationReading
{
    public static NoticeText InChinese(this Notification notification) => notification.Render(CultureInfo.GetCultureInfo("zh-CN"));

    public static NoticeText InEnglish(this Notification notification) => notification.Render(CultureInfo.GetCultureInfo("en-US"));
}
