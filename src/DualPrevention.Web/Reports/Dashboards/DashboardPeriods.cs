using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Reports;

namespace DualPrevention.Web.Reports.Dashboards;

/// <summary>The periods a dashboard offers (a month, a quarter or a year), around today's local date (ADR 0003).</summary>
internal static class DashboardPeriods
{
    public static DateOnly Today(TimeProvider clock) => BusinessTime.LocalDate(clock.GetUtcNow());

    /// <summary>The period a query string names, or the current month when it names none it can read.</summary>
    public static ReportPeriod FromQuery(string? code, TimeProvider clock) =>
        ReportPeriod.TryParse(code, out var period) ? period : ReportPeriod.Containing(ReportPeriodKind.Month, Today(clock));

    /// <summary>
    /// The period a dashboard's filter form asks for: the period it names, or, when it names another kind than that
    /// period's, the period of that kind holding today if the named one holds today, else the one holding its first day.
    /// </summary>
    public static ReportPeriod FromQuery(string? code, string? kind, TimeProvider clock)
    {
        var named = FromQuery(code, clock);
        if (!Enum.TryParse<ReportPeriodKind>(kind, out var other) || !Enum.IsDefined(other) || other == named.Kind)
        {
            return named;
        }

        var today = Today(clock);
        return ReportPeriod.Containing(other, today >= named.From && today < named.To ? today : named.From);
    }

    /// <summary>The last 12 months, 8 quarters or 3 years up to the one holding today, newest first.</summary>
    public static IReadOnlyList<ReportPeriod> Recent(ReportPeriodKind kind, DateOnly today)
    {
        var (count, step) = kind switch
        {
            ReportPeriodKind.Month => (12, 1),
            ReportPeriodKind.Quarter => (8, 3),
            ReportPeriodKind.Year => (3, 12),
        };
        return Enumerable.Range(0, count).Select(i => ReportPeriod.Containing(kind, today.AddMonths(-i * step))).ToList();
    }

    /// <summary>What a picker shows: 2026年11月 in Chinese, the code (2026-11) otherwise.</summary>
    public static string DisplayName(ReportPeriod period) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" ? period.ChineseName : period.Code;

    private static ReportPeriod Parse(string code) =>
        ReportPeriod.TryParse(code, out var period) ? period : throw new ArgumentOutOfRangeException(nameof(code), code, "Not a report period.");
}
