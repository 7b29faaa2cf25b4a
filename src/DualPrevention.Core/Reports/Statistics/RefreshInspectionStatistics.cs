using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Reports.Statistics;

/// <summary>
/// Keeps <see cref="InspectionDailyStatistic"/> equal to the windows it counts (ADR 0009: dashboards never scan raw
/// windows). The recurring job (<c>reports:refresh-statistics</c>, every 5 minutes) recomputes yesterday to tomorrow
/// for every enterprise plus the start day of every window recorded since the last run; with no mark it rebuilds
/// everything. Changes the job cannot see (停用检修 periods) recompute their days at once through
/// <see cref="RecomputeDaysAsync"/>.
/// Each run is one transaction under an advisory lock, so retries and two servers converge on the same rows.
/// </summary>
public static class RefreshInspectionStatistics
{
    /// <summary>The mark's name.</summary>
    public const string MarkName = "inspection";

    /// <summary>How far before the last run's start records are looked at again: a record committed just after that
    /// run's snapshot carries an earlier <c>created_at</c>.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <param name="Rebuilt">True when every row was recomputed (no mark yet).</param>
    /// <param name="Rows">Rows affected (pairs touched, rows deleted and written): a measure of the work done.</param>
    public sealed record Result(bool Rebuilt, int Rows);

    /// <summary>
    /// Recomputes one enterprise's local <paramref name="days"/> inside the caller's transaction (which then holds
    /// the refresh lock until it commits), so the change and its statistics commit together.
    /// </summary>
    internal static async Task RecomputeDaysAsync(DualPreventionDbContext db, Guid enterpriseId, IReadOnlyCollection<DateOnly> days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (days.Count == 0)
        {
            return;
        }

        await AdvisoryLocks.StatisticsRefresh.TakeAsync(db, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            StatisticsSql.ForEnterprise,
            [
                new NpgsqlParameter("now", now),
                new NpgsqlParameter("enterprise_id", enterpriseId),
                new NpgsqlParameter("days", days.ToArray()),
            ],
            cancellationToken);
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var today = BusinessTime.LocalDate(now);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AdvisoryLocks.StatisticsRefresh.TakeAsync(db, cancellationToken);
            var mark = await db.StatisticsRefreshMarks.SingleOrDefaultAsync(m => m.Name == MarkName, cancellationToken);
            int rows;
            if (mark is null)
            {
                rows = await db.Database.ExecuteSqlRawAsync(StatisticsSql.Rebuild, [new NpgsqlParameter("now", now)], cancellationToken);
                db.StatisticsRefreshMarks.Add(new StatisticsRefreshMark(MarkName, now));
            }
            else
            {
                rows = await db.Database.ExecuteSqlRawAsync(
                    StatisticsSql.Incremental,
                    [
                        new NpgsqlParameter("now", now),
                        new NpgsqlParameter("since", mark.RanAt - Overlap),
                        new NpgsqlParameter("from", today.AddDays(-1)),
                        new NpgsqlParameter("to", today.AddDays(2)),
                    ],
                    cancellationToken);
                db.Entry(mark).Property(m => m.RanAt).CurrentValue = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Inspection statistics refreshed ({Mode}): {Rows} rows", mark is null ? "rebuild" : "incremental", rows);
            return new Result(mark is null, rows);
        }
    }
}
