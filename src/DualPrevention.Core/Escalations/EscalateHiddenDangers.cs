using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// The recurring job <c>hidden-dangers:escalate</c> (spec §13): in one transaction and one statement, records
/// every ladder step now due for open hidden dangers and for enterprises with too many missed windows in a
/// week, notifies the recipients of the steps recorded just now and queues one delivery per outbound channel.
/// Each (item, period, step) is recorded once, so a rerun or a second server notifies nobody twice. System scope.
/// </summary>
public static class EscalateHiddenDangers
{
    /// <summary>Steps recorded now and notifications written.</summary>
    public sealed record Result(int StepsFired, int Notifications);

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        TimeProvider clock,
        IEnumerable<INotificationChannel> channels,
        NotificationHub hub,
        ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync(EscalationSql.Lock, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(EscalationSql.WithoutJit, cancellationToken);

            var fired = 0;
            var recipients = new List<(Guid UserId, int Count)>();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var command = new NpgsqlCommand(EscalationSql.Escalate, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
            {
                command.CommandTimeout = 600;
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("province", SeedEscalationRules.ProvinceCode);
                command.Parameters.AddWithValue("channels", channels.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToArray());
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    fired = reader.GetInt32(0);
                    if (!reader.IsDBNull(1))
                    {
                        recipients.Add((reader.GetGuid(1), reader.GetInt32(2)));
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
            foreach (var (userId, _) in recipients)
            {
                hub.Signal(userId);
            }

            var notifications = recipients.Sum(r => r.Count);
            logger.LogInformation("Escalation fired {StepCount} steps and wrote {NotificationCount} notifications", fired, notifications);
            return new Result(fired, notifications);
        }
    }
}
