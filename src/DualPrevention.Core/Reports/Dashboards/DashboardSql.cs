using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Reports.Dashboards;

/// <summary>
/// The statements behind a dashboard's trend and hidden-danger charts, sent in one batch, each grouped in SQL.
/// Parameters: <c>@ids</c> (uuid[], the enterprises the tenant filter let the compliance report see), <c>@unit</c> (the
/// <c>date_trunc</c> field of <see cref="TrendBuckets.SqlField"/>), <c>@from</c>/<c>@to</c> (local dates, <c>@to</c>
/// exclusive) and <c>@start</c>/<c>@end</c> (the same as UTC). Windows come from <c>inspection_daily_statistic</c>,
/// never the raw windows (ADR 0009); hidden dangers follow <see cref="ComplianceSql"/>: only
/// <see cref="HiddenDangerStates.Counted"/> ones count.
/// </summary>
internal static class DashboardSql
{
    private static string Counted => HiddenDangerStates.Counted.Sql("h.state");

    /// <summary>
    /// Four result sets: completion per bucket (bucket, due, completed), rectification per bucket (bucket, to_rectify,
    /// rectified; <see cref="ComplianceSql.JudgedByToday"/>, as the compliance report counts them), registered by source
    /// (source, registered), registered by category (category, registered).
    /// </summary>
    public static readonly string Figures = $"""
        SELECT date_trunc(@unit, s.day::timestamp)::date AS bucket, sum(s.due)::int AS due, sum(s.completed)::int AS completed
        FROM inspection_daily_statistic s
        WHERE s.enterprise_id = ANY(@ids) AND s.day >= @from AND s.day < @to
        GROUP BY 1;
        SELECT date_trunc(@unit, h.deadline::timestamp)::date AS bucket, count(*)::int AS to_rectify,
               (count(*) FILTER (WHERE {HiddenDangerStates.Rectified.Sql("h.state")}))::int AS rectified
        FROM hidden_danger h
        WHERE h.enterprise_id = ANY(@ids) AND NOT h.is_deleted AND {Counted} AND h.deadline >= @from AND h.deadline < @to
          AND {ComplianceSql.JudgedByToday}
        GROUP BY 1;
        SELECT h.source, count(*)::int AS registered
        FROM hidden_danger h
        WHERE h.enterprise_id = ANY(@ids) AND NOT h.is_deleted AND {Counted} AND h.registered_at >= @start AND h.registered_at < @end
        GROUP BY h.source
        ORDER BY 2 DESC, 1;
        SELECT h.category, count(*)::int AS registered
        FROM hidden_danger h
        WHERE h.enterprise_id = ANY(@ids) AND NOT h.is_deleted AND {Counted} AND h.registered_at >= @start AND h.registered_at < @end
        GROUP BY h.category
        ORDER BY 2 DESC, 1 NULLS LAST;
        """;
}
