namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// One statement giving the counts of <see cref="ComplianceMetrics"/> per enterprise for a period. Parameters:
/// <c>@ids</c> (uuid[], the enterprises, already narrowed to the caller's scope by the tenant filter), <c>@from</c>,
/// <c>@to</c> (local dates, <c>@to</c> exclusive), <c>@start</c>, <c>@end</c> (the same as UTC) and <c>@today</c>
/// (local date of the evaluation, for 超期). Windows come from <c>inspection_daily_statistic</c>, never the raw windows;
/// the register and hidden dangers are read directly, index-only (<c>ix_risk_event_counted</c>,
/// <c>ix_hidden_danger_counted</c>, ADR 0011), events in one pass grouped by unit. A unit's level is the highest level
/// of its events (docs/domain/dual-prevention.md#47-aggregation-and-history); units without an event have none.
/// </summary>
internal static class ComplianceSql
{
    /// <summary>
    /// A hidden danger <c>h</c> whose rectification can be judged at <c>@today</c>: its deadline has passed, or it is
    /// accepted (or closed out) already — the base of the rectification rate, so deadlines still ahead do not count.
    /// </summary>
    public const string JudgedByToday = "(h.deadline < @today OR h.state IN (4, 6))";

    public static readonly string PerEnterprise = $"""
        WITH ids AS (SELECT unnest(@ids) AS id),
        unit_events AS (
          SELECT v.enterprise_id, v.unit_id, min(v.level) AS level,
                 count(*) FILTER (WHERE v.level = 1) AS e1, count(*) FILTER (WHERE v.level = 2) AS e2,
                 count(*) FILTER (WHERE v.level = 3) AS e3, count(*) FILTER (WHERE v.level = 4) AS e4
          FROM risk_event v
          WHERE v.enterprise_id = ANY(@ids) AND NOT v.is_deleted
          GROUP BY v.enterprise_id, v.unit_id
        ),
        unit_counts AS (
          SELECT u.enterprise_id,
                 count(*) FILTER (WHERE x.level = 1) AS u1, count(*) FILTER (WHERE x.level = 2) AS u2,
                 count(*) FILTER (WHERE x.level = 3) AS u3, count(*) FILTER (WHERE x.level = 4) AS u4
          FROM risk_analysis_unit u
          JOIN unit_events x ON x.unit_id = u.id
          WHERE u.enterprise_id = ANY(@ids) AND NOT u.is_deleted
          GROUP BY u.enterprise_id
        ),
        event_counts AS (
          SELECT enterprise_id, sum(e1)::bigint AS e1, sum(e2)::bigint AS e2, sum(e3)::bigint AS e3, sum(e4)::bigint AS e4
          FROM unit_events GROUP BY enterprise_id
        ),
        windows AS (
          SELECT s.enterprise_id,
                 sum(s.due) AS due, sum(s.completed) AS completed, sum(s.late) AS late, sum(s.missed) AS missed,
                 sum(s.suspended) AS suspended,
                 sum(s.due) FILTER (WHERE s.task_type = 1) AS due1, sum(s.completed) FILTER (WHERE s.task_type = 1) AS done1,
                 sum(s.due) FILTER (WHERE s.task_type = 2) AS due2, sum(s.completed) FILTER (WHERE s.task_type = 2) AS done2,
                 sum(s.due) FILTER (WHERE s.task_type = 3) AS due3, sum(s.completed) FILTER (WHERE s.task_type = 3) AS done3
          FROM inspection_daily_statistic s
          WHERE s.enterprise_id = ANY(@ids) AND s.day >= @from AND s.day < @to
          GROUP BY s.enterprise_id
        ),
        dangers AS (
          SELECT h.enterprise_id,
                 count(*) FILTER (WHERE h.registered_at >= @start AND h.registered_at < @end AND h.level = 0) AS registered_general,
                 count(*) FILTER (WHERE h.registered_at >= @start AND h.registered_at < @end AND h.level = 1) AS registered_major,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND {JudgedByToday}) AS to_rectify,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND h.state IN (4, 6)) AS rectified,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND h.state IN (4, 6)
                                  AND (h.accepted_at AT TIME ZONE '{BusinessTime.ZoneId}')::date <= h.deadline) AS rectified_on_time,
                 count(*) FILTER (WHERE h.state IN (1, 2, 3) AND h.deadline < @today AND h.level = 0) AS overdue_general,
                 count(*) FILTER (WHERE h.state IN (1, 2, 3) AND h.deadline < @today AND h.level = 1) AS overdue_major,
                 count(*) FILTER (WHERE h.closed_out_at >= @start AND h.closed_out_at < @end) AS closed_out
          FROM hidden_danger h
          WHERE h.enterprise_id = ANY(@ids) AND NOT h.is_deleted AND h.state NOT IN (0, 5)
          GROUP BY h.enterprise_id
        ),
        posted AS (
          SELECT c.enterprise_id, count(*) AS posted
          FROM major_hidden_danger_case c
          WHERE c.enterprise_id = ANY(@ids) AND c.posted_at >= @start AND c.posted_at < @end
          GROUP BY c.enterprise_id
        )
        SELECT i.id,
               coalesce(uc.u1, 0), coalesce(uc.u2, 0), coalesce(uc.u3, 0), coalesce(uc.u4, 0),
               coalesce(ec.e1, 0), coalesce(ec.e2, 0), coalesce(ec.e3, 0), coalesce(ec.e4, 0),
               coalesce(w.due, 0), coalesce(w.completed, 0), coalesce(w.late, 0), coalesce(w.missed, 0), coalesce(w.suspended, 0),
               coalesce(w.due1, 0), coalesce(w.due2, 0), coalesce(w.due3, 0),
               coalesce(w.done1, 0), coalesce(w.done2, 0), coalesce(w.done3, 0),
               coalesce(d.registered_general, 0), coalesce(d.registered_major, 0), coalesce(d.to_rectify, 0),
               coalesce(d.rectified, 0), coalesce(d.rectified_on_time, 0), coalesce(d.overdue_general, 0),
               coalesce(d.overdue_major, 0), coalesce(p.posted, 0), coalesce(d.closed_out, 0)
        FROM ids i
        LEFT JOIN unit_counts uc ON uc.enterprise_id = i.id
        LEFT JOIN event_counts ec ON ec.enterprise_id = i.id
        LEFT JOIN windows w ON w.enterprise_id = i.id
        LEFT JOIN dangers d ON d.enterprise_id = i.id
        LEFT JOIN posted p ON p.enterprise_id = i.id
        """;
}
