using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Notifications;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The set-based statement behind <see cref="NotifyEscalations"/>, one batch per transaction. Parameters:
/// <c>@now</c> (UTC), <c>@batch</c> (records per batch) and <c>@channels</c> (text[], the outbound channels
/// configured). Local dates are Asia/Shanghai (ADR 0003).
/// </summary>
internal static class NotifyEscalationsSql
{
    /// <summary>
    /// The arguments of the row <c>a</c>'s notice, named as <see cref="HiddenDangerEscalatedNotice"/> and
    /// <see cref="MissedWindowsEscalatedNotice"/> are serialised (<see cref="Notices"/>: camel case, enums as numbers).
    /// </summary>
    private static readonly string ArgumentsSql = $"""
        CASE WHEN a.subject = {(int)EscalationSubject.HiddenDanger} THEN
          jsonb_build_object('trigger', a.trig, 'enterprise', a.enterprise_name, 'level', a.level, 'hiddenDanger', a.hidden_danger_name,
                             'deadline', a.deadline, 'rectifier', a.rectifier_name, 'daysPastDeadline', a.overdue_days,
                             'number', a.hidden_danger_number)
        ELSE jsonb_build_object('enterprise', a.enterprise_name, 'period', a.period, 'missed', a.missed)
        END
        """;

    /// <summary>The notice kind of the row <c>a</c>.</summary>
    private static readonly string TemplateKeySql =
        $"CASE WHEN a.subject = {(int)EscalationSubject.HiddenDanger} THEN '{HiddenDangerEscalatedNotice.Key}' ELSE '{MissedWindowsEscalatedNotice.Key}' END";

    /// <summary>The page the row <c>a</c>'s notice links to.</summary>
    private static readonly string LinkSql =
        $"CASE WHEN a.subject = {(int)EscalationSubject.HiddenDanger} THEN 'hidden-dangers/' || a.subject_id ELSE 'supervision/city' END";

    /// <summary>
    /// Takes up to <c>@batch</c> records not yet notified, oldest first, skipping those another run holds; writes
    /// their notifications to the recipients' inboxes (rectifier; the enterprise's safety officers; its
    /// administrators as the principal; the city bureau's reviewers; the province's staff), one delivery per
    /// notification and channel, one post per event and group robot, and marks the records notified — all in the caller's transaction, so a crash
    /// leaves the batch pending and whole. Returns one row per recipient notified (records, recipient_user_id,
    /// notified), or one row with a null recipient when nobody was.
    /// </summary>
    public static readonly string NotifyBatch = $$"""
        WITH pending AS (
          SELECT r.id, r.enterprise_id, r.region_code, r.subject, r.subject_id, r.period, r.target, r.trigger AS trig, r.fired_at
          FROM escalation_record r
          WHERE r.notified_at IS NULL
          ORDER BY r.fired_at
          LIMIT @batch
          FOR UPDATE SKIP LOCKED
        ),
        marked AS (
          UPDATE escalation_record r SET notified_at = @now
          FROM pending p
          WHERE r.id = p.id
        ),
        missed_weeks AS (
          SELECT to_date(p.period, 'IYYY-"W"IW') AS week_start FROM pending p WHERE p.subject = {{(int)EscalationSubject.MissedWindows}}
        ),
        -- The windows missed in the batch's weeks, counted as EscalationSql.DueSteps counts them: one range of the
        -- missed-window index, read only when the batch holds a missed-windows record (else the bounds are null).
        missed AS (
          SELECT t.enterprise_id,
                 to_char(date_trunc('week', (t.window_end AT TIME ZONE '{{BusinessTime.ZoneId}}') - interval '1 microsecond'), 'IYYY-"W"IW') AS period,
                 count(*) AS missed
          FROM inspection_task t
          WHERE t.status = {{(int)InspectionTaskStatus.Missed}}
            AND t.window_end > (SELECT min(week_start) FROM missed_weeks)::timestamp AT TIME ZONE '{{BusinessTime.ZoneId}}'
            AND t.window_end <= (SELECT max(week_start) + 7 FROM missed_weeks)::timestamp AT TIME ZONE '{{BusinessTime.ZoneId}}'
          GROUP BY 1, 2
        ),
        described AS (
          SELECT p.*, e.name AS enterprise_name, h.name AS hidden_danger_name, h.number AS hidden_danger_number, h.level, h.deadline, h.rectifier_user_id,
                 coalesce(h.rectifier_name, '') AS rectifier_name,
                 (p.fired_at AT TIME ZONE '{{BusinessTime.ZoneId}}')::date - h.deadline AS overdue_days,
                 coalesce(m.missed, 0) AS missed
          FROM pending p
          JOIN enterprise e ON e.id = p.enterprise_id
          LEFT JOIN hidden_danger h ON p.subject = {{(int)EscalationSubject.HiddenDanger}} AND h.id = p.subject_id
          LEFT JOIN missed m ON p.subject = {{(int)EscalationSubject.MissedWindows}} AND m.enterprise_id = p.subject_id AND m.period = p.period
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
          WHERE d.target = {{(int)EscalationTarget.Rectifier}} AND d.rectifier_user_id IS NOT NULL
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.enterprise_id = d.enterprise_id AND u.role = '{{Accounts.Roles.SafetyOfficer}}'
          WHERE d.target = {{(int)EscalationTarget.SafetyOfficers}}
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.enterprise_id = d.enterprise_id AND u.role = '{{Accounts.Roles.EnterpriseAdmin}}'
          WHERE d.target = {{(int)EscalationTarget.Principal}}
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.scope_region_code = left(d.region_code, 4) || '00' AND u.role = '{{Accounts.Roles.CityReviewer}}'
          WHERE d.target = {{(int)EscalationTarget.CitySupervision}}
          UNION ALL
          SELECT d.*, u.id
          FROM described d
          JOIN role_holders u ON u.scope_region_code = left(d.region_code, 2) || '0000' AND u.role = '{{Accounts.Roles.ProvinceStaff}}'
          WHERE d.target = {{(int)EscalationTarget.ProvinceSupervision}}
        ),
        -- Should a recipient be reached twice for one record, the unique key skips the second row of the same
        -- statement: no sort of the batch is needed to drop it first.
        notified AS (
          INSERT INTO notification (id, enterprise_id, region_code, recipient_user_id, escalation_record_id, template_key, arguments, link, created_at)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, a.enterprise_id, a.region_code, a.recipient_user_id, a.id,
                 {{TemplateKeySql}},
                 {{ArgumentsSql}},
                 {{LinkSql}},
                 @now
          FROM addressed a
          ON CONFLICT (escalation_record_id, recipient_user_id) WHERE escalation_record_id IS NOT NULL DO NOTHING
          RETURNING id, enterprise_id, region_code, recipient_user_id
        ),
        queued AS (
          INSERT INTO notification_delivery (id, enterprise_id, region_code, notification_id, channel, status, attempts, next_attempt_at, created_at)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, n.enterprise_id, n.region_code, n.id, c.channel,
                 {{(int)DeliveryStatus.Pending}}, 0, @now, @now
          FROM notified n CROSS JOIN unnest(@channels::text[]) AS c(channel)
        ),
        -- One post per event and group robot (ADR 0019): enterprise robots for the steps addressed to the enterprise,
        -- a city's or the province's robots for the steps addressed to its supervision. Steps fired for the same item,
        -- trigger and local day (the rectifier's and the safety officers' at once) are one event; the unique key also
        -- keeps a retried batch from posting twice. Robots are few: the join reads the whole table.
        robot_posts AS (
          INSERT INTO group_robot_delivery (id, robot_id, enterprise_id, region_code, event_key, template_key, arguments, link, status, attempts, next_attempt_at, created_at)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, g.id, a.enterprise_id, a.region_code,
                 'escalation:' || a.subject_id || ':' || a.period || ':' || a.trig || ':' || ((a.fired_at AT TIME ZONE '{{BusinessTime.ZoneId}}')::date)
                   || CASE WHEN a.target IN ({{(int)EscalationTarget.CitySupervision}}, {{(int)EscalationTarget.ProvinceSupervision}}) THEN ':' || a.target ELSE '' END,
                 {{TemplateKeySql}},
                 {{ArgumentsSql}},
                 {{LinkSql}},
                 {{(int)DeliveryStatus.Pending}}, 0, @now, @now
          FROM described a
          JOIN group_robot g ON g.is_enabled AND {{TemplateKeySql}} = ANY (g.template_keys)
            AND ((a.target IN ({{(int)EscalationTarget.Rectifier}}, {{(int)EscalationTarget.SafetyOfficers}}, {{(int)EscalationTarget.Principal}}) AND g.enterprise_id = a.enterprise_id)
              OR (a.target = {{(int)EscalationTarget.CitySupervision}} AND g.enterprise_id IS NULL AND g.region_code = left(a.region_code, 4) || '00')
              OR (a.target = {{(int)EscalationTarget.ProvinceSupervision}} AND g.enterprise_id IS NULL AND g.region_code = left(a.region_code, 2) || '0000'))
          ON CONFLICT (robot_id, event_key) DO NOTHING
        )
        SELECT (SELECT count(*) FROM pending)::int AS records, n.recipient_user_id, coalesce(n.notified, 0)::int AS notified
        FROM (SELECT 1) one
        LEFT JOIN (SELECT recipient_user_id, count(*) AS notified FROM notified GROUP BY recipient_user_id) n ON true
        """;
}
