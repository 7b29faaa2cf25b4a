using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Alarms;
using MudBlazor;

namespace DualPrevention.Web.Alarms;

/// <summary>How the alarm pages show a category, a severity and an instant.</summary>
internal static class AlarmTexts
{
    /// <summary>A known category's name in the reader's language, else the code the feed sent.</summary>
    public static string Category(string code) => AlarmCategories.Name(code, CultureInfo.CurrentUICulture);

    public static Color SeverityColor(AlarmSeverity severity) => severity switch
    {
        AlarmSeverity.Critical => Color.Error,
        AlarmSeverity.Major => Color.Warning,
        AlarmSeverity.Minor => Color.Default,
    };

    /// <summary>Beijing time to the minute.</summary>
    public static string Local(DateTimeOffset at) => BusinessTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
