using System.Globalization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Dashboards;

namespace DualPrevention.Web.Reports.Dashboards;

/// <summary>How dashboard figures read: rates already rounded by <see cref="Percent.Round"/> in Core, shown with a percent sign.</summary>
internal static class DashboardText
{
    /// <summary>"63%", or "—" when the rate has no base (nothing due).</summary>
    public static string Rate(int? percent) => percent is { } p ? $"{p.ToString(CultureInfo.CurrentCulture)}%" : "—";

    /// <summary>"0.0 差", or "—" without a score.</summary>
    public static string Score(DashboardKpis kpis) =>
        kpis.Score is { } score ? $"{score.ToString("0.0", CultureInfo.CurrentCulture)} {kpis.Grade}" : "—";

    /// <summary>"优 1 · 良 0 · 中 0 · 差 1": enterprises per grade, highest band first.</summary>
    public static string Grades(IReadOnlyList<GradeCount> grades) =>
        string.Join(" · ", grades.Select(g => $"{g.Grade} {g.Count.ToString(CultureInfo.CurrentCulture)}"));

    /// <summary>An axis label for a trend bucket: the day of the month, a week's first day (M/d), or the month's short name.</summary>
    public static string BucketLabel(DashboardTrendPoint point, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => point.From.Day == 1 || point.From.Day % 5 == 0 ? point.From.Day.ToString(CultureInfo.CurrentCulture) : "",
        TrendGranularity.Week => point.From.ToString("M/d", CultureInfo.InvariantCulture),
        TrendGranularity.Month => point.From.ToString("MMM", CultureInfo.CurrentCulture),
    };
}
