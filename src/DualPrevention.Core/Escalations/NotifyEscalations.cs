using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The fan-out of the escalation outbox (ADR 0010), run by <c>notifications:deliver</c> before it sends: for each
/// escalation record not yet notified, writes one inbox notification per recipient (unique on record and
/// recipient) and one delivery per notification and outbound channel, and marks the record notified — a batch
/// per transaction, taken with <c>FOR UPDATE SKIP LOCKED</c>, so a crash leaves a batch whole for the next run
/// and two servers never fan out the same record. Then tells the recipients' open app bars. System scope.
/// </summary>
public static class NotifyEscalations
{
    /// <summary>Records fanned out and notifications written this run.</summary>
    public sealed record Result(int Records, int Notifications);

    /// <summary>Records fanned out per transaction.</summary>
    public const int BatchSize = 10_000;

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        TimeProvider clock,
        IEnumerable<INotificationChannel> channels,
        NotificationHub hub,
        ILogger<Handler> logger)
    {
        private readonly string[] _channels = channels.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray();

        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var total = new Result(0, 0);
            while (true)
            {
                var batch = await NotifyBatchAsync(cancellationToken);
                total = new Result(total.Records + batch.Records, total.Notifications + batch.Notifications);
                if (batch.Records < BatchSize)
                {
                    if (total.Records > 0)
                    {
                        logger.LogInformation("Escalation fan-out notified {RecordCount} records with {NotificationCount} notifications", total.Records, total.Notifications);
                    }

                    return total;
                }
            }
        }

        private async Task<Result> NotifyBatchAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(EscalationSql.WithoutJit, cancellationToken);

            var records = 0;
            var recipients = new List<(Guid UserId, int Count)>();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var command = new NpgsqlCommand(NotifyEscalationsSql.NotifyBatch, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
            {
                command.CommandTimeout = 600;
                command.Parameters.AddWithValue("now", clock.GetUtcNow());
                command.Parameters.AddWithValue("batch", BatchSize);
                command.Parameters.AddWithValue("channels", _channels);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    records = reader.ValueOf<int>("records");
                    if (reader.NullableValueOf<Guid>("recipient_user_id") is { } recipient)
                    {
                        recipients.Add((recipient, reader.ValueOf<int>("notified")));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
            foreach (var (userId, _) in recipients)
            {
                hub.Signal(userId);
            }

            return new Result(records, recipients.Sum(r => r.Count));
        }
    }
}
