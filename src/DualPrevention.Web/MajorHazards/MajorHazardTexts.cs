using System.Globalization;
using DualPrevention.Core;

namespace DualPrevention.Web.MajorHazards;

/// <summary>How the major hazard pages print numbers and times.</summary>
internal static class MajorHazardTexts
{
    /// <summary>S, R, q/Q up to four places (the stored values are exact; ADR 0047), or a dash.</summary>
    public static string Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A UTC time in Beijing time, or a dash.</summary>
    public static string Local(DateTimeOffset? at) => at is { } t ? BusinessTime.ToLocal(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
