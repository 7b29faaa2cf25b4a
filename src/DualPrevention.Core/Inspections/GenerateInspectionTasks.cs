using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Risks.MajorHazards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// The recurring job <c>inspections:generate-tasks</c>: for every operating enterprise, brings task definitions in
/// step with the manual control measures and inserts the windows that are open now or start within the next
/// 24 hours — in batches of enterprises, each one transaction of set-based SQL (<see cref="InspectionTaskSql"/>).
/// A retry, a second server or a run killed half-way neither duplicates nor drops a window: batches are
/// serialised by an advisory lock and windows are unique on (definition, window start).
/// Runs in the system tenant scope.
/// </summary>
public static class GenerateInspectionTasks
{
    /// <summary>Enterprises per transaction: short transactions, few round trips.</summary>
    public const int DefaultBatchSize = 250;

    /// <param name="EnterpriseIds">Only these enterprises; all operating ones when null.</param>
    /// <param name="BatchSize">Enterprises per transaction.</param>
    public sealed record Command(IReadOnlyList<Guid>? EnterpriseIds = null, int BatchSize = DefaultBatchSize);

    /// <summary>Windows inserted, enterprises covered, batches committed.</summary>
    public sealed record Result(long WindowsCreated, int Enterprises, int Batches);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <param name="command">Which enterprises, in batches of what size.</param>
        /// <param name="batchCommitted">Told the running result after each committed batch.</param>
        /// <param name="cancellationToken">Stops between statements; committed batches stay.</param>
        public async Task<Result> HandleAsync(Command command, IProgress<Result>? batchCommitted, CancellationToken cancellationToken)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(command.BatchSize, 1);
            var now = clock.GetUtcNow();
            var enterprises = await OperatingEnterprisesAsync(command.EnterpriseIds, cancellationToken);
            long created = 0;
            var batches = 0;
            foreach (var batch in enterprises.Chunk(command.BatchSize))
            {
                created += await RunBatchAsync(batch, now, cancellationToken);
                batches++;
                batchCommitted?.Report(new Result(created, enterprises.Count, batches));
            }

            logger.LogInformation(
                "Generated {WindowCount} inspection windows for {EnterpriseCount} enterprises in {BatchCount} batches", created, enterprises.Count, batches);
            return new Result(created, enterprises.Count, batches);
        }

        private async Task<List<Guid>> OperatingEnterprisesAsync(IReadOnlyList<Guid>? only, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var query = db.Enterprises.Where(e => e.Status == EnterpriseStatus.Operating);
            if (only is not null)
            {
                query = query.Where(e => only.Contains(e.Id));
            }

            return await query.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        }

        private async Task<int> RunBatchAsync(Guid[] enterpriseIds, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = await GenerateAsync(db, enterpriseIds, now, syncRegister: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created;
        }
    }

    /// <summary>
    /// One batch of the job at <paramref name="now"/> (UTC) inside the caller's transaction: sync and retire when the
    /// register changed, generate, mark. The demo story replays it at past instants to give the demo its history; it
    /// syncs only at its first and last instant, because the register it replays was written after those past instants
    /// and would otherwise look changed at every one.
    /// </summary>
    /// <param name="syncRegister">Bring definitions in step with the register first when it changed.</param>
    /// <returns>Windows inserted.</returns>
    internal static async Task<int> GenerateAsync(
        DualPreventionDbContext db, Guid[] enterpriseIds, DateTimeOffset now, bool syncRegister, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlRawAsync(InspectionTaskSql.WithoutJit, cancellationToken);
        await AdvisoryLocks.TaskGeneration.TakeAsync(db, cancellationToken);
        var changed = syncRegister && await db.Database
            .SqlQueryRaw<bool>(InspectionTaskSql.RegisterChanged, new NpgsqlParameter("now", now), new NpgsqlParameter("enterprise_ids", enterpriseIds))
            .SingleAsync(cancellationToken);
        if (changed)
        {
            await ExecuteAsync(db, InspectionTaskSql.DropRunningWindowsOfNewSchedules, enterpriseIds, now, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(InspectionTaskSql.WithoutNestedLoops, cancellationToken);
            await ExecuteAsync(db, InspectionTaskSql.Sync, enterpriseIds, now, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(InspectionTaskSql.WithNestedLoops, cancellationToken);
            await ExecuteAsync(db, InspectionTaskSql.Retire, enterpriseIds, now, cancellationToken);
            await AccountabilityAssignment.AssignUnassignedAsync(db, enterpriseIds, now, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(InspectionTaskSql.WithoutMergeJoins, cancellationToken);
        var created = await ExecuteAsync(db, InspectionTaskSql.Generate, enterpriseIds, now, cancellationToken);
        await ExecuteAsync(db, InspectionTaskSql.Mark, enterpriseIds, now, cancellationToken);
        return created;
    }

    private static Task<int> ExecuteAsync(DualPreventionDbContext db, string sql, Guid[] enterpriseIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(
            sql,
            [new NpgsqlParameter("now", now), new NpgsqlParameter("enterprise_ids", enterpriseIds)],
            cancellationToken);
}
