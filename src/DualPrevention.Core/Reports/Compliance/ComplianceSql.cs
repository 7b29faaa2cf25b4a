using System.Data.Common;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// One statement giving the counts of <see cref="ComplianceMetrics"/> per enterprise for a period. Parameters:
/// <c>@ids</c> (uuid[], the enterprises, already narrowed to the caller's scope by the tenant filter), <c>@from</c>,
/// <c>@to</c> (local dates, <c>@to</c> exclusive), <c>@start</c>, <c>@end</c> (the same as UTC) and <c>@today</c>
/// (local date of the evaluation, for 超期); posted cases still open count as they are now. Windows come from <c>inspection_daily_statistic</c>, never the raw windows;
/// the register and hidden dangers are read directly, index-only (<c>ix_risk_event_counted</c>,
/// <c>ix_hidden_danger_counted</c>, ADR 0011), events in one pass grouped by unit. A unit's level is the highest level
/// of its events (docs/domain/dual-prevention.md#47-aggregation-and-history); units without an event have none.
/// Hidden dangers count as <see cref="HiddenDangerStates"/> says.
/// </summary>
internal static class ComplianceSql
{
    /// <summary>
    /// A hidden danger <c>h</c> whose rectification can be judged at <c>@today</c>: its deadline has passed, or it is
    /// rectified already — the base of the rectification rate, so deadlines still ahead do not count.
    /// </summary>
    public static readonly string JudgedByToday = $"(h.deadline < @today OR {HiddenDangerStates.Rectified.Sql("h.state")})";

    private static string Rectified => HiddenDangerStates.Rectified.Sql("h.state");

    public static readonly string PerEnterprise = $"""
        WITH ids AS (SELECT unnest(@ids) AS id),
        unit_events AS (
          SELECT v.enterprise_id, v.unit_id, min(v.level) AS level,
                 {CountByLevel("v.level", "events")}
          FROM risk_event v
          WHERE v.enterprise_id = ANY(@ids) AND NOT v.is_deleted
          GROUP BY v.enterprise_id, v.unit_id
        ),
        unit_counts AS (
          SELECT u.enterprise_id,
                 {CountByLevel("x.level", "units")}
          FROM risk_analysis_unit u
          JOIN unit_events x ON x.unit_id = u.id
          WHERE u.enterprise_id = ANY(@ids) AND NOT u.is_deleted
          GROUP BY u.enterprise_id
        ),
        event_counts AS (
          SELECT enterprise_id,
                 sum(events_major)::bigint AS events_major, sum(events_significant)::bigint AS events_significant,
                 sum(events_general)::bigint AS events_general, sum(events_low)::bigint AS events_low
          FROM unit_events GROUP BY enterprise_id
        ),
        windows AS (
          SELECT s.enterprise_id,
                 sum(s.due) AS due, sum(s.completed) AS completed, sum(s.late) AS late, sum(s.missed) AS missed,
                 sum(s.suspended) AS suspended,
                 sum(s.due) FILTER (WHERE s.task_type = {(int)InspectionTaskType.PrincipalResponsible}) AS due_principal,
                 sum(s.due) FILTER (WHERE s.task_type = {(int)InspectionTaskType.TechnicalResponsible}) AS due_technical,
                 sum(s.due) FILTER (WHERE s.task_type = {(int)InspectionTaskType.OperationalResponsible}) AS due_operational,
                 sum(s.completed) FILTER (WHERE s.task_type = {(int)InspectionTaskType.PrincipalResponsible}) AS completed_principal,
                 sum(s.completed) FILTER (WHERE s.task_type = {(int)InspectionTaskType.TechnicalResponsible}) AS completed_technical,
                 sum(s.completed) FILTER (WHERE s.task_type = {(int)InspectionTaskType.OperationalResponsible}) AS completed_operational
          FROM inspection_daily_statistic s
          WHERE s.enterprise_id = ANY(@ids) AND s.day >= @from AND s.day < @to
          GROUP BY s.enterprise_id
        ),
        dangers AS (
          SELECT h.enterprise_id,
                 count(*) FILTER (WHERE h.registered_at >= @start AND h.registered_at < @end
                                  AND h.level = {(int)HiddenDangerLevel.General}) AS registered_general,
                 count(*) FILTER (WHERE h.registered_at >= @start AND h.registered_at < @end
                                  AND h.level = {(int)HiddenDangerLevel.Major}) AS registered_major,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND {JudgedByToday}) AS to_rectify,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND {Rectified}) AS rectified,
                 count(*) FILTER (WHERE h.deadline >= @from AND h.deadline < @to AND {Rectified}
                                  AND (h.accepted_at AT TIME ZONE '{BusinessTime.ZoneId}')::date <= h.deadline) AS rectified_on_time,
                 count(*) FILTER (WHERE {HiddenDangerStates.OverdueSql("h", "@today")}
                                  AND h.level = {(int)HiddenDangerLevel.General}) AS overdue_general,
                 count(*) FILTER (WHERE {HiddenDangerStates.OverdueSql("h", "@today")}
                                  AND h.level = {(int)HiddenDangerLevel.Major}) AS overdue_major,
                 count(*) FILTER (WHERE h.closed_out_at >= @start AND h.closed_out_at < @end) AS closed_out
          FROM hidden_danger h
          WHERE h.enterprise_id = ANY(@ids) AND NOT h.is_deleted AND {HiddenDangerStates.Counted.Sql("h.state")}
          GROUP BY h.enterprise_id
        ),
        posted AS (
          SELECT c.enterprise_id,
                 count(*) FILTER (WHERE c.posted_at >= @start AND c.posted_at < @end) AS posted,
                 count(*) FILTER (WHERE {HiddenDangerStates.OpenMajor.Sql("h.state")} AND NOT h.is_deleted) AS posted_open
          FROM major_hidden_danger_case c
          JOIN hidden_danger h ON h.id = c.hidden_danger_id
          WHERE c.enterprise_id = ANY(@ids) AND c.posted_at IS NOT NULL
          GROUP BY c.enterprise_id
        )
        SELECT i.id AS enterprise_id,
               coalesce(uc.units_major, 0) AS units_major, coalesce(uc.units_significant, 0) AS units_significant,
               coalesce(uc.units_general, 0) AS units_general, coalesce(uc.units_low, 0) AS units_low,
               coalesce(ec.events_major, 0) AS events_major, coalesce(ec.events_significant, 0) AS events_significant,
               coalesce(ec.events_general, 0) AS events_general, coalesce(ec.events_low, 0) AS events_low,
               coalesce(w.due, 0) AS due, coalesce(w.completed, 0) AS completed, coalesce(w.late, 0) AS late,
               coalesce(w.missed, 0) AS missed, coalesce(w.suspended, 0) AS suspended,
               coalesce(w.due_principal, 0) AS due_principal, coalesce(w.due_technical, 0) AS due_technical,
               coalesce(w.due_operational, 0) AS due_operational,
               coalesce(w.completed_principal, 0) AS completed_principal, coalesce(w.completed_technical, 0) AS completed_technical,
               coalesce(w.completed_operational, 0) AS completed_operational,
               coalesce(d.registered_general, 0) AS registered_general, coalesce(d.registered_major, 0) AS registered_major,
               coalesce(d.to_rectify, 0) AS to_rectify, coalesce(d.rectified, 0) AS rectified,
               coalesce(d.rectified_on_time, 0) AS rectified_on_time, coalesce(d.overdue_general, 0) AS overdue_general,
               coalesce(d.overdue_major, 0) AS overdue_major, coalesce(p.posted, 0) AS posted,
               coalesce(d.closed_out, 0) AS closed_out, coalesce(p.posted_open, 0) AS posted_open
        FROM ids i
        LEFT JOIN unit_counts uc ON uc.enterprise_id = i.id
        LEFT JOIN event_counts ec ON ec.enterprise_id = i.id
        LEFT JOIN windows w ON w.enterprise_id = i.id
        LEFT JOIN dangers d ON d.enterprise_id = i.id
        LEFT JOIN posted p ON p.enterprise_id = i.id
        """;

    /// <summary>One row of <see cref="PerEnterprise"/>, read by column name: the enterprise's id and its metrics.</summary>
    public static (Guid EnterpriseId, ComplianceMetrics Metrics) Read(DbDataReader row) => (
        row.ValueOf<Guid>("enterprise_id"),
        new ComplianceMetrics(
            1,
            [row.CountOf("units_major"), row.CountOf("units_significant"), row.CountOf("units_general"), row.CountOf("units_low")],
            [row.CountOf("events_major"), row.CountOf("events_significant"), row.CountOf("events_general"), row.CountOf("events_low")],
            row.CountOf("due"),
            row.CountOf("completed"),
            row.CountOf("late"),
            row.CountOf("missed"),
            row.CountOf("suspended"),
            [row.CountOf("due_principal"), row.CountOf("due_technical"), row.CountOf("due_operational")],
            [row.CountOf("completed_principal"), row.CountOf("completed_technical"), row.CountOf("completed_operational")],
            row.CountOf("registered_general"),
            row.CountOf("registered_major"),
            row.CountOf("to_rectify"),
            row.CountOf("rectified"),
            row.CountOf("rectified_on_time"),
            row.CountOf("overdue_general"),
            row.CountOf("overdue_major"),
            row.CountOf("posted"),
            row.CountOf("closed_out"),
            row.CountOf("posted_open")));

    /// <summary>
    /// Counts of <paramref name="level"/> per <see cref="RiskLevel"/> as columns <c>{prefix}_major</c> … <c>{prefix}_low</c>,
    /// in the order of <see cref="ComplianceMetrics.UnitsByLevel"/>.
    /// </summary>
    private static string CountByLevel(string level, string prefix) => $"""
        count(*) FILTER (WHERE {level} = {(int)RiskLevel.Major}) AS {prefix}_major,
                 count(*) FILTER (WHERE {level} = {(int)RiskLevel.Significant}) AS {prefix}_significant,
                 count(*) FILTER (WHERE {level} = {(int)RiskLevel.General}) AS {prefix}_general,
                 count(*) FILTER (WHERE {level} = {(int)RiskLevel.Low}) AS {prefix}_low
        """;
}
