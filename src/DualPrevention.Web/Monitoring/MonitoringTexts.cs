using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Monitoring;
using MudBlazor;

namespace DualPrevention.Web.Monitoring;

/// <summary>How the monitoring pages print values, limits and bands.</summary>
internal static class MonitoringTexts
{
    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>LL / L / H / HH, a dash for a limit not set.</summary>
    public static string Limits(double? lowLow, double? low, double? high, double? highHigh) =>
        $"{Number(lowLow)} / {Number(low)} / {Number(high)} / {Number(highHigh)}";

    /// <summary>A UTC time in Beijing time, or a dash.</summary>
    public static string Local(DateTimeOffset? at) => at is { } t ? BusinessTime.ToLocal(t).ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    /// <summary>The limit colour: green within, amber at high or low, red at high-high or low-low.</summary>
    public static Color ColorOf(LimitBand band) => band switch
    {
        LimitBand.Normal => Color.Success,
        LimitBand.High or LimitBand.Low => Color.Warning,
        LimitBand.HighHigh or LimitBand.LowLow => Color.Error,
    };
}
