using System.Globalization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Dashboards;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Reports.Dashboards;

/// <summary>How dashboard figures read: rates already rounded by <see cref="Percent.Round"/> in Core, shown with a percent sign.</summary>
internal static class DashboardText
{
    /// <summary>"63%", or "—" when the rate has no base (nothing due).</summary>
    public static string Rate(int? percent) => percent is { } p ? $"{p.ToString(CultureInfo.CurrentCulture)}%" : "—";

    /// <summary>"0.0 差" ("0.0 Poor" in English), or "—" without a score.</summary>
    public static string Score(DashboardKpis kpis, IStringLocalizer l) =>
        kpis.Score is { } score ? $"{score.ToString("0.0", CultureInfo.CurrentCulture)} {Grade(kpis.Grade, l)}" : "—";

    /// <summary>"优 1 · 良 0 · 中 0 · 差 1" ("Excellent 1 · Good 0 …"): enterprises per grade, highest band first.</summary>
    public static string Grades(IReadOnlyList<GradeCount> grades, IStringLocalizer l) =>
        string.Join(" · ", grades.Select(g => $"{Grade(g.Grade, l)} {g.Count.ToString(CultureInfo.CurrentCulture)}"));

    /// <summary>
    /// A 运行等级 in the reader's language: the configured band names (OperatingEffectRules.Grades) are Chinese data,
    /// and the default four have texts (Dashboard.Grade.&lt;name&gt;); a band configured with another name reads as configured.
    /// </summary>
    public static string Grade(string? grade, IStringLocalizer l)
    {
        if (grade is null)
        {
            return "";
        }

        var text = l[$"Dashboard.Grade.{grade}"];
        return text.ResourceNotFound ? grade : text.Value;
    }

    /// <summary>An axis label for a trend bucket: the day of the month, a week's first day (M/d), or the month's short name.</summary>
    public static string BucketLabel(DashboardTrendPoint point, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => point.From.Day == 1 || point.From.Day % 5 == 0 ? point.From.Day.ToString(CultureInfo.CurrentCulture) : "",
        TrendGranularity.Week => point.From.ToString("M/d", CultureInfo.InvariantCulture),
        TrendGranularity.Month => point.From.ToString("MMM", CultureInfo.CurrentCulture),
    };
}
