using System.Globalization;
using DualPrevention.Core;

namespace DualPrevention.Web.Inspections;

/// <summary>How inspection times read on a phone: Beijing time, short.</summary>
internal static class InspectionText
{
    /// <summary>"11-29 00:00 – 11-30 00:00" for a window stored in UTC.</summary>
    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        $"{Local(start)} – {Local(end)}";

    /// <summary>"11-29 08:30", Beijing time.</summary>
    public static string Local(DateTimeOffset utc) => BusinessTime.ToLocal(utc).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
