using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;

namespace DualPrevention.Core.Reports.Statistics;

/// <summary>
/// The set-based statements behind <see cref="RefreshInspectionStatistics"/>. Local days are Asia/Shanghai
/// (ADR 0003); a window counts on the day its start falls in, as on the task board. The late/missed split follows the
/// board: late = not completed but a person recorded it after the window (the platform's 未排查 record is not late).
/// </summary>
internal static class StatisticsSql
{
    /// <summary>
    /// Counts per (enterprise, day, task type) of the windows joined as <c>t</c>, with <c>day</c> the local start day, in
    /// the order of <see cref="Columns"/> from <c>due</c> on.
    /// </summary>
    private static string Counts => $"""
        count(*) FILTER (WHERE {InspectionTaskStates.Judged.Sql("t.status")}),
        count(*) FILTER (WHERE t.status = {(int)InspectionTaskStatus.Completed}),
        count(*) FILTER (WHERE {EnumSql.NotIn("t.status", [InspectionTaskStatus.Completed, InspectionTaskStatus.Suspended])} AND late.task_id IS NOT NULL),
        count(*) FILTER (WHERE t.status = {(int)InspectionTaskStatus.Missed} AND late.task_id IS NULL),
        count(*) FILTER (WHERE {InspectionTaskStates.Unfinished.Sql("t.status")} AND late.task_id IS NULL),
        count(*) FILTER (WHERE t.status = {(int)InspectionTaskStatus.Suspended}),
        @now
        """;

    /// <summary>The windows counted at all: every one but a cancelled one.</summary>
    private static string Counted => InspectionTaskStates.Counted.Sql("t.status");

    private const string Columns = "enterprise_id, region_code, day, task_type, due, completed, late, missed, open, suspended, refreshed_at";

    private static readonly string LocalDay = $"(t.window_start AT TIME ZONE '{BusinessTime.ZoneId}')::date";

    /// <summary>Throws every row away and counts all windows again (first run, or a rebuild).</summary>
    public static readonly string Rebuild = $"""
        DELETE FROM inspection_daily_statistic;
        INSERT INTO inspection_daily_statistic ({Columns})
        SELECT t.enterprise_id, t.region_code, {LocalDay}, t.task_type,
        {Counts}
        FROM inspection_task t
        LEFT JOIN LATERAL (SELECT r.task_id FROM inspection_record r WHERE r.task_id = t.id AND r.is_late LIMIT 1) late ON true
        WHERE {Counted}
        GROUP BY t.enterprise_id, t.region_code, 3, t.task_type;
        """;

    /// <summary>
    /// Recomputes the (enterprise, day) pairs that can have changed since <c>@since</c> (UTC): for every enterprise
    /// the local days from <c>@from</c> to <c>@to</c> (exclusive; windows open, end, are generated or retired there),
    /// and the start day of every window a record was written for since then (on-time, late, or the platform's 未排查
    /// record of a window that ended).
    /// </summary>
    public static readonly string Incremental = Recompute($"""
        SELECT e.id AS enterprise_id, d::date AS day
        FROM enterprise e
        CROSS JOIN generate_series(@from::date, @to::date - 1, interval '1 day') d
        UNION
        SELECT t.enterprise_id, {LocalDay}
        FROM inspection_record r
        JOIN inspection_task t ON t.id = r.task_id
        WHERE r.created_at >= @since
        """);

    /// <summary>Recomputes one enterprise's local days <c>@days</c> (date[]), e.g. after a 停用检修 change.</summary>
    public static readonly string ForEnterprise = Recompute("SELECT @enterprise_id::uuid AS enterprise_id, d AS day FROM unnest(@days::date[]) d");

    /// <summary>Deletes and recounts the rows of the (enterprise_id, day) pairs the query <paramref name="touched"/> gives.</summary>
    private static string Recompute(string touched) => $"""
        WITH touched AS MATERIALIZED ({touched})
        DELETE FROM inspection_daily_statistic s USING touched x WHERE s.enterprise_id = x.enterprise_id AND s.day = x.day;
        WITH touched AS MATERIALIZED ({touched})
        INSERT INTO inspection_daily_statistic ({Columns})
        SELECT t.enterprise_id, t.region_code, x.day, t.task_type,
        {Counts}
        FROM touched x
        JOIN inspection_task t ON t.enterprise_id = x.enterprise_id
          AND t.window_start >= x.day::timestamp AT TIME ZONE '{BusinessTime.ZoneId}'
          AND t.window_start < (x.day + 1)::timestamp AT TIME ZONE '{BusinessTime.ZoneId}'
        LEFT JOIN LATERAL (SELECT r.task_id FROM inspection_record r WHERE r.task_id = t.id AND r.is_late LIMIT 1) late ON true
        WHERE {Counted}
        GROUP BY t.enterprise_id, t.region_code, x.day, t.task_type;
        """;
}
