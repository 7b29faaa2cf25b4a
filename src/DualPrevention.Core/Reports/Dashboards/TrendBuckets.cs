namespace DualPrevention.Core.Reports.Dashboards;

/// <summary>One bucket of a trend: <see cref="Start"/> is the unclipped start SQL groups by; <c>[From, To)</c> the local days it covers inside the period.</summary>
internal sealed record TrendBucket(DateOnly Start, DateOnly From, DateOnly To);

/// <summary>
/// The buckets of a dashboard trend (ADR 0003: local dates, half-open, weeks start on Monday): every day of a month,
/// every ISO week touching a quarter, every month of a year, the first and last clipped to the period.
/// </summary>
internal static class TrendBuckets
{
    public static TrendGranularity GranularityOf(ReportPeriod period) => period.Kind switch
    {
        ReportPeriodKind.Month => TrendGranularity.Day,
        ReportPeriodKind.Quarter => TrendGranularity.Week,
        ReportPeriodKind.Year => TrendGranularity.Month,
    };

    /// <summary>The <c>date_trunc</c> field that gives <see cref="TrendBucket.Start"/> in SQL ('week' is ISO, Monday start).</summary>
    public static string SqlField(TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => "day",
        TrendGranularity.Week => "week",
        TrendGranularity.Month => "month",
    };

    public static IReadOnlyList<TrendBucket> Of(ReportPeriod period)
    {
        var granularity = GranularityOf(period);
        var buckets = new List<TrendBucket>();
        for (var start = StartOf(period.From, granularity); start < period.To; start = Next(start, granularity))
        {
            var end = Next(start, granularity);
            buckets.Add(new TrendBucket(start, start < period.From ? period.From : start, end > period.To ? period.To : end));
        }

        return buckets;
    }

    private static DateOnly StartOf(DateOnly day, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => day,
        TrendGranularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TrendGranularity.Month => new DateOnly(day.Year, day.Month, 1),
    };

    private static DateOnly Next(DateOnly start, TrendGranularity granularity) => granularity switch
    {
        TrendGranularity.Day => start.AddDays(1),
        TrendGranularity.Week => start.AddDays(7),
        TrendGranularity.Month => start.AddMonths(1),
    };
}
