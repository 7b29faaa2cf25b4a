using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// The set-based statements behind task generation. Each takes <c>@now</c> (UTC) and <c>@enterprise_ids</c>
/// (the batch) and runs inside one transaction per batch. Local time is Asia/Shanghai (ADR 0003).
/// </summary>
internal static class InspectionTaskSql
{
    /// <summary>
    /// Turns just-in-time compilation off for the batch's transaction: each batch's statements are planned
    /// afresh, and compiling them took 0.3–0.7 s per statement — more than it saved on the row arithmetic
    /// (docs/benchmarks.md, task-generation).
    /// </summary>
    public const string WithoutJit = "SET LOCAL jit = off";

    /// <summary>
    /// Keeps <see cref="Sync"/> off nested loops. On a first run the definitions table's statistics still say it is
    /// empty, the planner probes it by sequential scan once per measure, and 3 M measures crawl at ~30 rows/s
    /// (docs/benchmarks.md); a hash join is right for any batch size. <see cref="WithNestedLoops"/> restores it.
    /// </summary>
    public const string WithoutNestedLoops = "SET LOCAL enable_nestloop = off";

    /// <summary>
    /// Whether the batch's register may have changed since its enterprises' last generation: a measure or event
    /// updated after the mark (less 10 minutes, for edits committed late), an enterprise never generated, or a mark
    /// not in the past. When false, <see cref="Sync"/> and <see cref="Retire"/> have nothing to do and are skipped.
    /// Returns one boolean column, Value.
    /// </summary>
    public const string RegisterChanged = """
        SELECT EXISTS (
                 SELECT 1 FROM enterprise en
                 LEFT JOIN inspection_generation_mark g ON g.enterprise_id = en.id
                 WHERE en.id = ANY(@enterprise_ids) AND (g.ran_at IS NULL OR g.ran_at >= @now))
            OR EXISTS (
                 SELECT 1 FROM control_measure m JOIN inspection_generation_mark g ON g.enterprise_id = m.enterprise_id
                 WHERE m.enterprise_id = ANY(@enterprise_ids) AND m.updated_at > g.ran_at - interval '10 minutes')
            OR EXISTS (
                 SELECT 1 FROM risk_event e JOIN inspection_generation_mark g ON g.enterprise_id = e.enterprise_id
                 WHERE e.enterprise_id = ANY(@enterprise_ids) AND e.updated_at > g.ran_at - interval '10 minutes') AS "Value"
        """;

    /// <summary>Restores nested loops after <see cref="Sync"/>; generation's LATERAL series needs them.</summary>
    public const string WithNestedLoops = "SET LOCAL enable_nestloop = on";

    /// <summary>
    /// Runs before <see cref="Sync"/>: drops the window running now, with nothing recorded against it, of each
    /// definition whose measure got a new schedule (a new cycle, or a new work start of an hourly cycle — what makes
    /// <see cref="Sync"/> re-anchor). The new schedule has its own window covering now, and two open windows of one
    /// definition would ask for two checks of one measure at once (docs/domain/dual-prevention.md#59-window-states;
    /// <see cref="PlanInspectionTask"/> does the same on re-planning).
    /// </summary>
    public static readonly string DropRunningWindowsOfNewSchedules = $"""
        DELETE FROM inspection_task t
        USING inspection_task_definition d JOIN control_measure m ON m.id = d.measure_id
        WHERE d.enterprise_id = ANY(@enterprise_ids) AND NOT d.is_deleted
          AND m.enterprise_id = ANY(@enterprise_ids) AND NOT m.is_deleted
          AND m.data_source = {(int)ControlDataSource.ManualInspection} AND m.updated_at > d.updated_at
          AND ((d.cycle_value, d.cycle_unit) IS DISTINCT FROM (m.cycle_value, m.cycle_unit)
               OR (m.cycle_unit = {(int)CycleUnit.Hour} AND d.work_start_time IS DISTINCT FROM m.work_start_time))
          AND t.definition_id = d.id AND {InspectionTaskStates.Unfinished.Sql("t.status")}
          AND t.window_start <= @now AND t.window_end > @now
          AND NOT EXISTS (SELECT 1 FROM inspection_record r WHERE r.task_id = t.id)
        """;

    /// <summary>
    /// Brings the batch's definitions in step with its manual control measures (docs/domain/dual-prevention.md#12-the-national-baseline): new measures get a
    /// definition anchored at the start of the current calendar period; changed ones copy the new schedule
    /// (a new cycle, or a new work start of an hourly cycle, re-anchors) and drop their windows that have not
    /// started — planned or suspended — which generation then makes again. A suspended window left behind would
    /// hold its start in the unique key and keep the new schedule's window out.
    /// Only measures changed since their definition are read. Returns nothing.
    /// </summary>
    public static readonly string Sync = $$"""
        WITH source AS (
          SELECT m.id AS measure_id, m.enterprise_id, m.region_code, e.unit_id,
                 left(coalesce(m.inspection_content, m.description), 4000) AS content,
                 m.cycle_value, m.cycle_unit, m.work_start_time, m.work_end_time, m.work_day_type,
                 m.task_type, m.accountability_item_no, m.responsible_department,
                 (CASE
                    WHEN m.cycle_unit = {{(int)CycleUnit.Hour}} THEN date_trunc('day', l.now_local) + coalesce(m.work_start_time, time '00:00')
                    WHEN m.cycle_unit = {{(int)CycleUnit.Day}} AND m.cycle_value % 7 = 0 THEN date_trunc('week', l.now_local)
                    WHEN m.cycle_unit = {{(int)CycleUnit.Day}} THEN date_trunc('day', l.now_local)
                    WHEN m.cycle_unit = {{(int)CycleUnit.Month}} AND m.cycle_value % 12 = 0 THEN date_trunc('year', l.now_local)
                    WHEN m.cycle_unit = {{(int)CycleUnit.Month}} AND m.cycle_value % 3 = 0 THEN date_trunc('quarter', l.now_local)
                    WHEN m.cycle_unit = {{(int)CycleUnit.Month}} THEN date_trunc('month', l.now_local)
                    ELSE date_trunc('year', l.now_local)
                  END) AT TIME ZONE '{{BusinessTime.ZoneId}}' AS first_start_at
          FROM control_measure m
          JOIN risk_event e ON e.id = m.event_id
          LEFT JOIN inspection_task_definition d ON d.measure_id = m.id
          CROSS JOIN (SELECT @now AT TIME ZONE '{{BusinessTime.ZoneId}}' AS now_local) l
          WHERE m.enterprise_id = ANY(@enterprise_ids)
            AND m.data_source = {{(int)ControlDataSource.ManualInspection}} AND NOT m.is_deleted
            AND (d.id IS NULL OR d.is_deleted OR m.updated_at > d.updated_at OR e.updated_at > d.updated_at)
        ),
        upserted AS (
          INSERT INTO inspection_task_definition AS d (
            id, enterprise_id, region_code, measure_id, unit_id, content, cycle_value, cycle_unit, first_start_at,
            work_start_time, work_end_time, work_day_type, task_type, accountability_item_no, source,
            responsible_department, is_deleted, created_at, updated_at)
          SELECT gen_random_uuid(), enterprise_id, region_code, measure_id, unit_id, content, cycle_value, cycle_unit,
                 first_start_at, work_start_time, work_end_time, work_day_type, task_type, accountability_item_no, {{(int)InspectionSource.Routine}},
                 responsible_department, false, @now, @now
          FROM source
          ON CONFLICT (measure_id) DO UPDATE SET
            unit_id = excluded.unit_id,
            content = excluded.content,
            first_start_at = CASE WHEN (d.cycle_value, d.cycle_unit) IS DISTINCT FROM (excluded.cycle_value, excluded.cycle_unit)
                                       OR (excluded.cycle_unit = {{(int)CycleUnit.Hour}} AND d.work_start_time IS DISTINCT FROM excluded.work_start_time)
                                  THEN excluded.first_start_at ELSE d.first_start_at END,
            cycle_value = excluded.cycle_value,
            cycle_unit = excluded.cycle_unit,
            work_start_time = excluded.work_start_time,
            work_end_time = excluded.work_end_time,
            work_day_type = excluded.work_day_type,
            task_type = excluded.task_type,
            accountability_item_no = excluded.accountability_item_no,
            responsible_department = excluded.responsible_department,
            is_deleted = false,
            deleted_at = NULL,
            updated_at = excluded.updated_at
          RETURNING d.id, (xmax = 0) AS inserted
        )
        DELETE FROM inspection_task t USING upserted u
        WHERE t.definition_id = u.id AND NOT u.inserted AND {{InspectionTaskStates.Replaceable.Sql("t.status")}} AND t.window_start > @now
        """;

    /// <summary>
    /// Retires the batch's definitions whose measure was deleted or is now checked by automatic monitoring:
    /// their windows that have not started go, the started ones still open (or not yet marked open by the window
    /// job) are cancelled (docs/domain/dual-prevention.md#59-window-states). The measure's own enterprise filter (a definition's enterprise is always
    /// its measure's) lets the planner read only the batch's measures through their enterprise index.
    /// </summary>
    public static readonly string Retire = $"""
        WITH gone AS (
          UPDATE inspection_task_definition d SET is_deleted = true, deleted_at = @now, updated_at = @now
          FROM control_measure m
          WHERE d.measure_id = m.id AND d.enterprise_id = ANY(@enterprise_ids) AND NOT d.is_deleted
            AND m.enterprise_id = ANY(@enterprise_ids)
            AND (m.is_deleted OR m.data_source <> {(int)ControlDataSource.ManualInspection})
          RETURNING d.id
        ),
        dropped AS (
          DELETE FROM inspection_task t USING gone g
          WHERE t.definition_id = g.id AND {InspectionTaskStates.Replaceable.Sql("t.status")} AND t.window_start > @now
        )
        UPDATE inspection_task t SET status = {(int)InspectionTaskStatus.Cancelled} FROM gone g
        WHERE t.definition_id = g.id AND {InspectionTaskStates.Unfinished.Sql("t.status")} AND t.window_start <= @now
        """;

    /// <summary>
    /// Keeps <see cref="Generate"/> on a hash join of the batch's definitions with their schedules' windows. The
    /// planner cannot know that a few schedules serve a batch of definitions, estimates the join at one row and would
    /// sort both sides for a merge join instead (docs/benchmarks.md, task-generation). Lasts until the batch commits.
    /// </summary>
    public const string WithoutMergeJoins = "SET LOCAL enable_mergejoin = off";

    /// <summary>
    /// Inserts every window of the batch's definitions that is open now or starts within the next 24 hours
    /// (docs/domain/dual-prevention.md#54-window-generation): window k starts at the local anchor plus k cycles (months from the anchor, so they
    /// clamp to month end), hourly windows only inside work hours, every start date filtered by the work-day
    /// type against the holiday calendar, windows wholly inside a deactivation period suspended (docs/domain/dual-prevention.md#56-deactivation-periods).
    /// Windows of definitions unchanged since the enterprise's last run that start before its
    /// <see cref="InspectionGenerationMark"/> were made then and are not computed again.
    /// Idempotent through the unique (definition_id, window_start). Returns the number inserted.
    /// </summary>
    /// <remarks>
    /// A definition's windows depend only on its schedule — anchor, cycle, work hours, work-day type and where the
    /// mark lets generation start — and a province has a few hundred distinct schedules for hundreds of thousands of
    /// definitions. So the windows (the interval arithmetic, time-zone conversions and holiday look-ups) are computed
    /// once per schedule and joined to the definitions that share it. Work hours enter the schedule as 00:00–00:00,
    /// which the wrap-around rule reads as the whole day, where they do not apply (not an hourly cycle, or an end
    /// missing), so the join keys are never null. Ids are version-7 UUIDs (<see cref="Uuid7Sql"/>): one random
    /// draw per statement instead of one per window.
    /// </remarks>
    public static readonly string Generate = $$"""
        WITH defs AS MATERIALIZED (
          SELECT d.id, d.enterprise_id, d.region_code, d.unit_id, d.task_type, d.assignee_user_id, d.assignee_post,
                 d.first_start_at, d.cycle_value, d.cycle_unit, d.work_day_type,
                 CASE WHEN d.cycle_unit = {{(int)CycleUnit.Hour}} AND d.work_start_time IS NOT NULL AND d.work_end_time IS NOT NULL
                      THEN d.work_start_time ELSE time '00:00' END AS work_from,
                 CASE WHEN d.cycle_unit = {{(int)CycleUnit.Hour}} AND d.work_start_time IS NOT NULL AND d.work_end_time IS NOT NULL
                      THEN d.work_end_time ELSE time '00:00' END AS work_to,
                 CASE WHEN g.ran_at < @now AND d.updated_at <= g.ran_at THEN g.generated_until
                      ELSE '-infinity'::timestamptz END AS made_until
          FROM inspection_task_definition d
          LEFT JOIN inspection_generation_mark g ON g.enterprise_id = d.enterprise_id
          WHERE d.enterprise_id = ANY(@enterprise_ids) AND NOT d.is_deleted
        ),
        schedules AS (
          SELECT s.*,
                 s.first_start_at AT TIME ZONE '{{BusinessTime.ZoneId}}' AS a,
                 s.made_until AT TIME ZONE '{{BusinessTime.ZoneId}}' AS made_until_local,
                 CASE s.cycle_unit WHEN {{(int)CycleUnit.Hour}} THEN make_interval(hours => s.cycle_value)
                                   WHEN {{(int)CycleUnit.Day}} THEN make_interval(days => s.cycle_value)
                                   WHEN {{(int)CycleUnit.Month}} THEN make_interval(months => s.cycle_value)
                                   ELSE make_interval(years => s.cycle_value) END AS step,
                 CASE s.cycle_unit WHEN {{(int)CycleUnit.Month}} THEN s.cycle_value WHEN {{(int)CycleUnit.Year}} THEN s.cycle_value * 12 END AS step_months,
                 @now AT TIME ZONE '{{BusinessTime.ZoneId}}' AS n,
                 (@now AT TIME ZONE '{{BusinessTime.ZoneId}}') + interval '24 hours' AS h
          FROM (SELECT DISTINCT first_start_at, cycle_value, cycle_unit, work_from, work_to, work_day_type, made_until FROM defs) s
        ),
        windows AS (
          SELECT s.first_start_at, s.cycle_value, s.cycle_unit, s.work_from, s.work_to, s.work_day_type, s.made_until, w.ls,
                 w.ls AT TIME ZONE '{{BusinessTime.ZoneId}}' AS window_start,
                 w.le AT TIME ZONE '{{BusinessTime.ZoneId}}' AS window_end
          FROM schedules s
          CROSS JOIN LATERAL generate_series(
            greatest(0, CASE WHEN s.step_months IS NULL
                             THEN floor(extract(epoch FROM s.n - s.a) / extract(epoch FROM s.step))::int
                             ELSE ((extract(year FROM s.n) - extract(year FROM s.a)) * 12
                                   + extract(month FROM s.n) - extract(month FROM s.a))::int / s.step_months - 1 END),
            CASE WHEN s.step_months IS NULL
                 THEN ceil(extract(epoch FROM s.h - s.a) / extract(epoch FROM s.step))::int - 1
                 ELSE ((extract(year FROM s.h) - extract(year FROM s.a)) * 12
                       + extract(month FROM s.h) - extract(month FROM s.a))::int / s.step_months + 1 END) AS k
          CROSS JOIN LATERAL (SELECT s.a + s.step * k AS ls, s.a + s.step * (k + 1) AS le) w
          WHERE w.ls < s.h AND w.le > s.n AND w.ls >= s.made_until_local
            AND CASE WHEN s.work_from < s.work_to THEN w.ls::time >= s.work_from AND w.ls::time < s.work_to
                     ELSE w.ls::time >= s.work_from OR w.ls::time < s.work_to END
        ),
        due AS MATERIALIZED (
          SELECT w.*
          FROM windows w
          LEFT JOIN holiday_calendar_day hc ON hc.date = w.ls::date
          WHERE w.work_day_type = {{(int)WorkDayType.EveryDay}}
             OR (w.work_day_type = {{(int)WorkDayType.StatutoryWorkingDays}}) = {{HolidayCalendarDay.IsStatutoryWorkingDaySql("w.ls", "hc.kind")}}
        ),
        stopped_units AS (
          SELECT r.unit_id
          FROM deactivation_record r
          WHERE r.enterprise_id = ANY(@enterprise_ids) AND NOT r.is_deleted AND r.stop_end_at > @now
        )
        INSERT INTO inspection_task (
          id, enterprise_id, region_code, definition_id, unit_id, task_type, window_start, window_end, status,
          assignee_user_id, assignee_post, created_at)
        SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}},
               defs.enterprise_id, defs.region_code, defs.id, defs.unit_id, defs.task_type,
               due.window_start, due.window_end,
               CASE WHEN defs.unit_id IN (SELECT unit_id FROM stopped_units)
                         AND EXISTS (SELECT 1 FROM deactivation_record r
                                     WHERE r.unit_id = defs.unit_id AND r.enterprise_id = defs.enterprise_id AND NOT r.is_deleted
                                       AND r.stop_start_at <= due.window_start AND r.stop_end_at >= due.window_end) THEN {{(int)InspectionTaskStatus.Suspended}}
                    WHEN due.window_start <= @now THEN {{(int)InspectionTaskStatus.Open}}
                    ELSE {{(int)InspectionTaskStatus.Planned}} END,
               defs.assignee_user_id, defs.assignee_post, @now
        FROM defs
        JOIN due USING (first_start_at, cycle_value, cycle_unit, work_from, work_to, work_day_type, made_until)
        ON CONFLICT (definition_id, window_start) DO NOTHING
        """;

    /// <summary>Records the batch's run (<c>@now</c>) and horizon (<c>@now</c> + 24 h) per enterprise, in the windows' transaction.</summary>
    public const string Mark = """
        INSERT INTO inspection_generation_mark AS g (enterprise_id, region_code, ran_at, generated_until)
        SELECT e.id, e.region_code, @now, @now + interval '24 hours'
        FROM enterprise e
        WHERE e.id = ANY(@enterprise_ids)
        ON CONFLICT (enterprise_id) DO UPDATE SET
          region_code = excluded.region_code, ran_at = excluded.ran_at, generated_until = excluded.generated_until
        """;
}
