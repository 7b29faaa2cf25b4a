using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// SLA escalation of alarms nobody confirmed (ADR 0037): a new alarm past its category's minutes is told to the
/// enterprise's administrators and safety officers (step 1); still new after as many minutes again, to the city
/// bureau's reviewers (step 2). A job that ran late takes every step that is due at once. One statement per batch
/// raises the step, writes the event rows and the notifications with their deliveries; the step is the guard, so a
/// second run or a retry finds nothing more to do. The state is kept: escalation never closes an alarm. System scope.
/// </summary>
public static class EscalateUnconfirmedAlarms
{
    /// <param name="Alarms">Alarms escalated this run.</param>
    /// <param name="Recipients">Accounts told.</param>
    public sealed record Result(int Alarms, int Recipients);

    /// <summary>Alarms stepped per transaction.</summary>
    public const int BatchSize = 5_000;

    /// <summary>
    /// Takes up to <c>@batch</c> new alarms with a step due at <c>@now</c>, skipping those another run holds, raises their
    /// step, and writes one event row each and one notification (with a delivery per <c>@channels</c>) per recipient
    /// the step reaches. Returns one row per recipient (alarms, recipient_user_id), or one with a null recipient.
    /// </summary>
    private static readonly string EscalateBatch = $$"""
        WITH due AS (
          SELECT a.id, a.escalation_level AS old_level,
                 CASE WHEN a.confirm_due_at + (a.confirm_due_at - a.raised_at) <= @now THEN 2 ELSE 1 END AS new_level
          FROM alarm a
          WHERE a.status = {{(int)AlarmStatus.New}} AND a.confirm_due_at <= @now
            AND a.escalation_level < CASE WHEN a.confirm_due_at + (a.confirm_due_at - a.raised_at) <= @now THEN 2 ELSE 1 END
          ORDER BY a.confirm_due_at
          LIMIT @batch
          FOR UPDATE SKIP LOCKED
        ),
        stepped AS (
          UPDATE alarm a SET escalation_level = d.new_level, escalated_at = @now
          FROM due d
          WHERE a.id = d.id
          RETURNING a.id, a.enterprise_id, a.region_code, a.category, a.summary, a.status, a.raised_at, d.old_level, d.new_level
        ),
        events AS (
          INSERT INTO alarm_event (id, enterprise_id, region_code, alarm_id, action, from_status, to_status, at, by_user_id, by_name, comment)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, s.enterprise_id, s.region_code, s.id, {{(int)AlarmAction.Escalated}},
                 s.status, s.status, @now, NULL, 'SLA', s.new_level::text
          FROM stepped s
        ),
        role_holders AS NOT MATERIALIZED (
          SELECT u.id, u.enterprise_id, u.scope_region_code, r.name AS role
          FROM app_user u
          JOIN app_user_role ur ON ur.user_id = u.id
          JOIN app_role r ON r.id = ur.role_id
          WHERE r.name IN ('{{Roles.SafetyOfficer}}', '{{Roles.EnterpriseAdmin}}', '{{Roles.CityReviewer}}')
        ),
        addressed AS (
          SELECT DISTINCT s.id, s.enterprise_id, s.region_code, s.category, s.summary, s.raised_at, s.new_level AS level, u.id AS recipient_user_id
          FROM stepped s
          JOIN role_holders u ON u.enterprise_id = s.enterprise_id AND u.role IN ('{{Roles.SafetyOfficer}}', '{{Roles.EnterpriseAdmin}}')
          WHERE s.old_level < 1
          UNION ALL
          SELECT s.id, s.enterprise_id, s.region_code, s.category, s.summary, s.raised_at, s.new_level, u.id
          FROM stepped s
          JOIN role_holders u ON u.scope_region_code = left(s.region_code, 4) || '00' AND u.role = '{{Roles.CityReviewer}}'
          WHERE s.new_level = 2
        ),
        notified AS (
          INSERT INTO notification (id, enterprise_id, region_code, recipient_user_id, template_key, arguments, link, created_at)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, a.enterprise_id, a.region_code, a.recipient_user_id,
                 '{{AlarmEscalatedNotice.Key}}',
                 jsonb_build_object('enterprise', e.name, 'category', a.category, 'summary', a.summary, 'level', a.level,
                                    'minutes', floor(extract(epoch FROM @now - a.raised_at) / 60)::int),
                 'alarms/' || a.id,
                 @now
          FROM addressed a
          JOIN enterprise e ON e.id = a.enterprise_id
          RETURNING id, enterprise_id, region_code, recipient_user_id
        ),
        queued AS (
          INSERT INTO notification_delivery (id, enterprise_id, region_code, notification_id, channel, status, attempts, next_attempt_at, created_at)
          SELECT {{Uuid7Sql.Id("@now", "row_number() OVER ()")}}, n.enterprise_id, n.region_code, n.id, c.channel,
                 {{(int)DeliveryStatus.Pending}}, 0, @now, @now
          FROM notified n CROSS JOIN unnest(@channels::text[]) AS c(channel)
        )
        SELECT (SELECT count(*) FROM stepped)::int AS alarms, n.recipient_user_id
        FROM (SELECT 1) one
        LEFT JOIN (SELECT DISTINCT recipient_user_id FROM notified) n ON true
        """;

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
                var batch = await EscalateBatchAsync(cancellationToken);
                total = new Result(total.Alarms + batch.Alarms, total.Recipients + batch.Recipients);
                if (batch.Alarms < BatchSize)
                {
                    if (total.Alarms > 0)
                    {
                        logger.LogInformation("Alarm SLA escalated {AlarmCount} alarms telling {RecipientCount} accounts", total.Alarms, total.Recipients);
                    }

                    return total;
                }
            }
        }

        private async Task<Result> EscalateBatchAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var alarms = 0;
            var recipients = new List<Guid>();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var command = new NpgsqlCommand(EscalateBatch, connection, (NpgsqlTransaction)transaction.GetDbTransaction()))
            {
                command.Parameters.AddWithValue("now", clock.GetUtcNow());
                command.Parameters.AddWithValue("batch", BatchSize);
                command.Parameters.AddWithValue("channels", _channels);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    alarms = reader.ValueOf<int>("alarms");
                    if (reader.NullableValueOf<Guid>("recipient_user_id") is { } recipient)
                    {
                        recipients.Add(recipient);
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken);
            foreach (var userId in recipients)
            {
                hub.Signal(userId);
            }

            return new Result(alarms, recipients.Count);
        }
    }
}
