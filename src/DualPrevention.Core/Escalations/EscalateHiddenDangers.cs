using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The recurring job <c>hidden-dangers:escalate</c> (docs/domain/dual-prevention.md#81-the-escalation-ladder): in one
/// transaction and one statement, records every ladder step now due for open hidden dangers and for enterprises with
/// too many missed windows in a week. Each (item, period, step) is recorded once, so a rerun or a second server records
/// nothing twice. The records are the outbox of their notifications: <see cref="NotifyEscalations"/> (run by
/// <c>notifications:deliver</c>) writes those and their deliveries (ADR 0010). System scope.
/// </summary>
public static class EscalateHiddenDangers
{
    /// <summary>Steps recorded now.</summary>
    public sealed record Result(int StepsFired);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, ILogger<Handler> logger)
    {
        private static readonly string RecordDueSteps = EscalationSql.RecordDueStepsInto("escalation_record");

        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AdvisoryLocks.Escalation.TakeAsync(db, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(EscalationSql.WithoutJit, cancellationToken);
            var fired = await db.Database.ExecuteSqlRawAsync(
                RecordDueSteps,
                [new NpgsqlParameter("now", now), new NpgsqlParameter("province", SeedEscalationRules.ProvinceCode)],
                cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation("Escalation recorded {StepCount} steps", fired);
            return new Result(fired);
        }
    }
}
