namespace DualPrevention.Core.Escalations;

/// <summary>
/// The set-based statement behind <see cref="EscalateHiddenDangers"/>. Parameters: <c>@now</c> (UTC),
/// <c>@province</c> (the code whose rules are the defaults) and <c>@channels</c> (text[], the outbound channels
/// configured). Local dates are Asia/Shanghai (ADR 0003).
/// </summary>
internal static class EscalationSql
{
    /// <summary>Serialises escalation runs across processes and servers; the second run finds every step recorded.</summary>
    public const string Lock = "SELECT pg_advisory_xact_lock(7401, 3)";

    /// <summary>
    /// Turns just-in-time compilation off for the run's transaction: the scan of the province's windows prices the
    /// statement above the optimisation threshold, and compiling it took 3.3 s of a 5.9 s run that fired nothing
    /// (5,000,000 windows; docs/benchmarks.md, escalation) — more than it could save.
    /// </summary>
    public const string WithoutJit = "SET LOCAL jit = off";

    /// <summary>
    /// The steps due now as rows (enterprise_id, region_code, subject, subject_id, period, step_code, target,
    /// trig, overdue_days, missed): the effective ladder is the province's active rules with each city's rules
    /// replacing the province's of the same step code (an inactive override switches the step off); a
    /// deadline step is due for an open hidden danger (待确认, 整改中, 待验收) from <c>deadline − days</c> until
    /// the deadline day (BeforeDeadline) or from <c>deadline + 1 + days</c> on (Overdue, spec §13); a major one
    /// with its case is due for Registered at once and for PostedOverdue after the posting deadline; an
    /// enterprise with more than <c>days</c> missed windows ending in the current or previous ISO week is due
    /// for MissedWindowsInWeek with that week as the period. Shared by the product and the benchmark's floor.
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
          SELECT h.enterprise_id, h.region_code, 1 AS subject, h.id AS subject_id, ''::text AS period, r.step_code,
                 r.target, r.trigger AS trig, l.today - h.deadline AS overdue_days, 0::bigint AS missed
          FROM hidden_danger h
          CROSS JOIN l
          LEFT JOIN overrides o ON o.city = left(h.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND r.trigger IN (1, 2) AND (r.level IS NULL OR r.level = h.level)
          WHERE h.state IN (1, 2, 3) AND NOT h.is_deleted
            AND h.deadline <= l.today + (SELECT coalesce(max(days) FILTER (WHERE trigger = 1), 0) FROM ladder)
            AND CASE r.trigger WHEN 1 THEN l.today BETWEEN h.deadline - r.days AND h.deadline
                               ELSE l.today >= h.deadline + 1 + r.days END
        ),
        major_steps AS (
          SELECT h.enterprise_id, h.region_code, 1 AS subject, h.id AS subject_id, ''::text AS period, r.step_code,
                 r.target, r.trigger AS trig, l.today - h.deadline AS overdue_days, 0::bigint AS missed
          FROM major_hidden_danger_case c
          JOIN hidden_danger h ON h.id = c.hidden_danger_id
          CROSS JOIN l
          LEFT JOIN overrides o ON o.city = left(h.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND r.trigger IN (3, 4) AND (r.level IS NULL OR r.level = h.level)
          WHERE h.state IN (1, 2, 3) AND NOT h.is_deleted AND h.level = 1
            AND (r.trigger = 3 OR (c.posted_at IS NOT NULL AND l.today > c.posting_deadline))
        ),
        missed_weeks AS (
          -- A window ending at local midnight belongs to the day (and week) before it: its end is exclusive.
          SELECT t.enterprise_id, t.region_code,
                 date_trunc('week', (t.window_end AT TIME ZONE '{{BusinessTime.ZoneId}}') - interval '1 microsecond')::date AS week_start,
                 count(*) AS missed
          FROM inspection_task t
          WHERE t.status = 3
            AND t.window_end > (SELECT date_trunc('week', l.today) - interval '7 days' FROM l) AT TIME ZONE '{{BusinessTime.ZoneId}}'
          GROUP BY 1, 2, 3
        ),
        missed_steps AS (
          SELECT m.enterprise_id, m.region_code, 2 AS subject, m.enterprise_id AS subject_id,
                 to_char(m.week_start, 'IYYY-"W"IW') AS period, r.step_code, r.target, r.trigger AS trig,
                 0 AS overdue_days, m.missed
          FROM missed_weeks m
          LEFT JOIN overrides o ON o.city = left(m.region_code, 4) || '00'
          JOIN ladder r ON r.city = coalesce(o.city, '') AND r.trigger = 5 AND m.missed > r.days
        ),
        due AS (
          SELECT * FROM deadline_steps
          UNION ALL SELECT * FROM major_steps
          UNION ALL SELECT * FROM missed_steps
        )
        """;

    /// <summary>
    /// Records every due step once (unique on subject, subject id, period, step), writes the notifications of
    /// the steps recorded just now to their recipients' inboxes (rectifier; the enterprise's safety officers;
    /// its administrators as the principal; the city bureau's reviewers; the province's staff) and one delivery
    /// per notification and channel. Returns one row per recipient notified (fired, recipient_user_id,
    /// notified), or one row with a null recipient when nobody was.
    /// </summary>
    public static readonly string Escalate = $$"""
        WITH {{DueSteps}},
        fired AS (
          INSERT INTO escalation_record (id, enterprise_id, region_code, subject, subject_id, period, step_code, target, fired_at)
          SELECT gen_random_uuid(), enterprise_id, region_code, subject, subject_id, period, step_code, target, @now
          FROM due
          ON CONFLICT (subject, subject_id, period, step_code) DO NOTHING
          RETURNING id, enterprise_id, region_code, subject, subject_id, period, step_code, target
        ),
        described AS (
          SELECT f.*, d.trig, d.overdue_days, d.missed, e.name AS enterprise_name,
                 h.name AS hidden_danger_name, h.level, h.deadline, h.rectifier_user_id, coalesce(h.rectifier_name, '') AS rectifier_name
          FROM fired f
          JOIN due d ON d.subject = f.subject AND d.subject_id = f.subject_id AND d.period = f.period AND d.step_code = f.step_code
          JOIN enterprise e ON e.id = f.enterprise_id
          LEFT JOIN hidden_danger h ON f.subject = 1 AND h.id = f.subject_id
        ),
        role_holders AS NOT MATERIALIZED (
          SELECT u.id, u.enterprise_id, u.scope_region_code, r.name AS role
          FROM app_user u
          JOIN app_user_role ur ON ur.user_id = u.id
          JOIN app_role r ON r.id = ur.role_id
          WHERE r.name IN ('{{Accounts.Roles.SafetyOfficer}}', '{{Accounts.Roles.EnterpriseAdmin}}', '{{Accounts.Roles.CityReviewer}}', '{{Accounts.Roles.ProvinceStaff}}')
        ),
        -- One equality join per target, not one join whose condition switches on the target: that form can only
        -- run as a nested loop comparing every step with every role holder (steps × users; docs/benchmarks.md).
        addressed AS (
          SELECT d.*, d.rectifier_user_id AS recipient_user_id
          FROM described d
          WHERE d.target = 1 AND d.rectifier_user_id IS NOT NULL
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.enterprise_id = d.enterprise_id AND u.role = '{{Accounts.Roles.SafetyOfficer}}'
          WHERE d.target = 2
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.enterprise_id = d.enterprise_id AND u.role = '{{Accounts.Roles.EnterpriseAdmin}}'
          WHERE d.target = 3
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.scope_region_code = left(d.region_code, 4) || '00' AND u.role = '{{Accounts.Roles.CityReviewer}}'
          WHERE d.target = 4
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.scope_region_code = left(d.region_code, 2) || '0000' AND u.role = '{{Accounts.Roles.ProvinceStaff}}'
          WHERE d.target = 5
        ),
        notified AS (
          INSERT INTO notification (id, enterprise_id, region_code, recipient_user_id, escalation_record_id, title, body, link, created_at)
          SELECT DISTINCT ON (a.id, a.recipient_user_id)
                 gen_random_uuid(), a.enterprise_id, a.region_code, a.recipient_user_id, a.id,
                 {{EscalationTexts.TitleSql}}, left({{EscalationTexts.BodySql}}, 2000),
                 CASE WHEN a.subject = 1 THEN 'hidden-dangers/' || a.subject_id ELSE 'supervision/city' END,
                 @now
          FROM addressed a
          ON CONFLICT (escalation_record_id, recipient_user_id) WHERE escalation_record_id IS NOT NULL DO NOTHING
          RETURNING id, enterprise_id, region_code, recipient_user_id
        ),
        queued AS (
          INSERT INTO notification_delivery (id, enterprise_id, region_code, notification_id, channel, status, attempts, next_attempt_at, created_at)
          SELECT gen_random_uuid(), n.enterprise_id, n.region_code, n.id, c.channel, 0, 0, @now, @now
          FROM notified n CROSS JOIN unnest(@channels::text[]) AS c(channel)
        )
        SELECT (SELECT count(*) FROM fired)::int AS fired, n.recipient_user_id, coalesce(n.notified, 0)::int AS notified
        FROM (SELECT 1) one
        LEFT JOIN (SELECT recipient_user_id, count(*) AS notified FROM notified GROUP BY recipient_user_id) n ON true
        """;
}
