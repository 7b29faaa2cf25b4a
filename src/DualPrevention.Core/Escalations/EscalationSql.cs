using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The set-based statement behind <see cref="EscalateHiddenDangers"/>. Parameters: <c>@now</c> (UTC) and
/// <c>@province</c> (the code whose rules are the defaults). Local dates are Asia/Shanghai (ADR 0003).
/// </summary>
internal static class EscalationSql
{
    /// <summary>
    /// Turns just-in-time compilation off for the run's transaction: the scan of the province's windows prices the
    /// statement above the optimisation threshold, and compiling it took 3.3 s of a 5.9 s run that fired nothing
    /// (5,000,000 windows; docs/benchmarks.md, escalation) — more than it could save.
    /// </summary>
    public const string WithoutJit = "SET LOCAL jit = off";

    /// <summary>
    /// The steps due now as rows (enterprise_id, region_code, subject, subject_id, period, step_code, target, trigger):
    /// the effective ladder is the province's active rules with each city's rules replacing the province's of the same
    /// step code (an inactive override switches the step off); a deadline step is due for an open hidden danger (待确认,
    /// 整改中, 待验收) from <c>deadline − days</c> until the deadline day (BeforeDeadline) or from <c>deadline + 1 + days</c>
    /// on (Overdue, docs/domain/dual-prevention.md#81-the-escalation-ladder); a major one with its case is due for
    /// Registered at once and for PostedOverdue after the posting deadline; an enterprise with more than <c>days</c>
    /// missed windows ending in the current or previous ISO week is due for MissedWindowsInWeek with that week as the
    /// period. Shared by the product and the benchmark's floor.
    /// </summary>
    public static readonly string DueSteps = $$"""
        l AS (
          SELECT (@now AT TIME ZONE '{{BusinessTime.ZoneId}}')::date AS today
        ),
        overrides AS (
          SELECT DISTINCT region_code AS city FROM escalation_rule WHERE region_code <> @province
        ),
        ladder AS (
          SELECT s.city, r.step_code, r.level, r.trigger, r.days, r.target
          FROM (SELECT city FROM overrides UNION ALL SELECT '') s
          CROSS JOIN LATERAL (
            SELECT DISTINCT ON (x.step_code) x.*
            FROM escalation_rule x
            WHERE x.region_code IN (s.city, @province)
            ORDER BY x.step_code, x.region_code = @province
          ) r
          WHERE r.is_active
        ),
        deadline_steps AS (
          SELECT h.enterprise_id, h.region_code, {{(int)EscalationSubject.HiddenDanger}} AS subject, h.id AS subject_id, ''::text AS period, r.step_code,
                 r.target, r.trigger
          FROM hidden_danger h
          CROSS JOIN l
          LEFT JOIN overrides o ON o.city = left(h.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND {{EscalationTriggers.OnDeadline.Sql("r.trigger")}} AND (r.level IS NULL OR r.level = h.level)
          WHERE {{HiddenDangerStates.Open.Sql("h.state")}} AND NOT h.is_deleted
            AND h.deadline <= l.today + (SELECT coalesce(max(days) FILTER (WHERE trigger = {{(int)EscalationTrigger.BeforeDeadline}}), 0) FROM ladder)
            AND CASE r.trigger WHEN {{(int)EscalationTrigger.BeforeDeadline}} THEN l.today BETWEEN h.deadline - r.days AND h.deadline
                               ELSE l.today >= h.deadline + 1 + r.days END
        ),
        major_steps AS (
          SELECT h.enterprise_id, h.region_code, {{(int)EscalationSubject.HiddenDanger}} AS subject, h.id AS subject_id, ''::text AS period, r.step_code,
                 r.target, r.trigger
          FROM major_hidden_danger_case c
          JOIN hidden_danger h ON h.id = c.hidden_danger_id
          CROSS JOIN l
          LEFT JOIN overrides o ON o.city = left(h.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND {{EscalationTriggers.OnMajorCase.Sql("r.trigger")}} AND (r.level IS NULL OR r.level = h.level)
          WHERE {{HiddenDangerStates.Open.Sql("h.state")}} AND NOT h.is_deleted AND h.level = {{(int)HiddenDangerLevel.Major}}
            AND (r.trigger = {{(int)EscalationTrigger.Registered}} OR (c.posted_at IS NOT NULL AND l.today > c.posting_deadline))
        ),
        missed_weeks AS (
          -- A window ending at local midnight belongs to the day (and week) before it: its end is exclusive. The
          -- bound is the previous week's local Monday as one timestamptz, so comparing it is leakproof and row-level
          -- security lets it drive the missed-window index (a date's date_trunc would be a session-zone timestamptz).
          SELECT t.enterprise_id, t.region_code,
                 date_trunc('week', (t.window_end AT TIME ZONE '{{BusinessTime.ZoneId}}') - interval '1 microsecond')::date AS week_start,
                 count(*) AS missed
          FROM inspection_task t
          WHERE t.status = {{(int)InspectionTaskStatus.Missed}}
            AND t.window_end > (SELECT (date_trunc('week', l.today::timestamp) - interval '7 days') AT TIME ZONE '{{BusinessTime.ZoneId}}' FROM l)
          GROUP BY 1, 2, 3
        ),
        missed_steps AS (
          SELECT m.enterprise_id, m.region_code, {{(int)EscalationSubject.MissedWindows}} AS subject, m.enterprise_id AS subject_id,
                 to_char(m.week_start, 'IYYY-"W"IW') AS period, r.step_code, r.target, r.trigger
          FROM missed_weeks m
          LEFT JOIN overrides o ON o.city = left(m.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND {{EscalationTriggers.OnMissedWindows.Sql("r.trigger")}} AND m.missed > r.days
        ),
        due AS (
          SELECT * FROM deadline_steps
          UNION ALL SELECT * FROM major_steps
          UNION ALL SELECT * FROM missed_steps
        )
        """;

    /// <summary>
    /// Records every due step once (unique on subject, subject id, period, step) into <paramref name="table"/>, with a
    /// time-ordered id, its trigger and <c>notified_at</c> left null for <see cref="NotifyEscalations"/>; nothing else
    /// (ADR 0010). The product writes <c>escalation_record</c>; the benchmark's floor runs the same statement into a
    /// bare copy.
    /// </summary>
    public static string RecordDueStepsInto(string table) => $"""
        WITH {DueSteps}
        INSERT INTO {table} (id, enterprise_id, region_code, subject, subject_id, period, step_code, target, trigger, fired_at)
        SELECT {Uuid7Sql.Id("@now", "row_number() OVER ()")}, enterprise_id, region_code, subject, subject_id, period, step_code, target, trigger, @now
        FROM due
        ON CONFLICT (subject, subject_id, period, step_code) DO NOTHING
        """;
}
