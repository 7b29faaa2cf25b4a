using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// The recurring job <c>inspections:close-windows</c> (docs/domain/dual-prevention.md#59-window-states): windows that have started become
/// <see cref="InspectionTaskStatus.Open"/>; windows that ended without an on-time record become
/// <see cref="InspectionTaskStatus.Missed"/> (漏检) and get the platform's 未排查 record (docs/domain/dual-prevention.md#55-completion-and-missed-windows) in the
/// same statement, keyed by the window's id, so a rerun marks and records nothing twice. System scope.
/// </summary>
public static class CloseInspectionWindows
{
    /// <summary>Windows opened and windows marked missed.</summary>
    public sealed record Result(int Opened, int Missed);

    /// <summary>The name on the platform's own records.</summary>
    public const string SystemInspectorName = "系统";

    private static readonly string OpenSql = $"""
        UPDATE inspection_task SET status = {(int)InspectionTaskStatus.Open}
        WHERE status = {(int)InspectionTaskStatus.Planned} AND window_start <= @now AND window_end > @now
        """;

    private static readonly string MissSql = $"""
        WITH missed AS (
          UPDATE inspection_task SET status = {(int)InspectionTaskStatus.Missed}
          WHERE {InspectionTaskStates.Unfinished.Sql("status")} AND window_end <= @now
          RETURNING id, enterprise_id, region_code, definition_id, unit_id, task_type, window_end
        )
        INSERT INTO inspection_record (
          id, enterprise_id, region_code, task_id, definition_id, unit_id, measure_id, result, checked_at,
          checked_by_name, channel, is_accountability_task, is_late, submission_id, created_at)
        SELECT gen_random_uuid(), m.enterprise_id, m.region_code, m.id, m.definition_id, m.unit_id, d.measure_id,
               {(int)InspectionResult.NotInspected}, m.window_end, @system_name, {(int)RecordChannel.System},
               {InspectionTaskTypes.Accountability.Sql("m.task_type")}, false, m.id, @now
        FROM missed m JOIN inspection_task_definition d ON d.id = m.definition_id
        ON CONFLICT (enterprise_id, submission_id) DO NOTHING
        """;

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await CloseAsync(db, clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Opened {OpenedCount} inspection windows, marked {MissedCount} missed", result.Opened, result.Missed);
            return result;
        }
    }

    /// <summary>
    /// Opens and closes windows as of <paramref name="now"/> (UTC) inside the caller's transaction. The demo story runs
    /// it at past instants.
    /// </summary>
    internal static async Task<Result> CloseAsync(DualPreventionDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await AdvisoryLocks.WindowClosing.TakeAsync(db, cancellationToken);
        var opened = await db.Database.ExecuteSqlRawAsync(OpenSql, [new NpgsqlParameter("now", now)], cancellationToken);
        var missed = await db.Database.ExecuteSqlRawAsync(
            MissSql, [new NpgsqlParameter("now", now), new NpgsqlParameter("system_name", SystemInspectorName)], cancellationToken);
        return new Result(opened, missed);
    }
}
