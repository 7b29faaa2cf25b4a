using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// The group-robot half of <c>notifications:deliver</c>: posts the robot deliveries that are due, in batches locked with
/// <c>FOR UPDATE SKIP LOCKED</c>, in Chinese (a group has no one preferred language) with the link under the public
/// base URL, and records each outcome with the back-off of ADR 0010. A robot's failures in a row are kept on the robot
/// (outside its audit trail) for its settings page; when they reach <see cref="GroupRobotOptions.FailuresBeforeWarning"/>
/// whoever added it is told in the app. A disabled or deleted robot's posts are given up. System scope.
/// </summary>
public static class DeliverGroupRobotMessages
{
    /// <summary>Posts sent and posts that failed this run.</summary>
    public sealed record Result(int Delivered, int Failed);

    public const int BatchSize = 100;

    private static readonly string TakeDueSql =
        $"SELECT * FROM group_robot_delivery WHERE {DeliveryStates.Pending.Sql("status")} AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @batch FOR UPDATE SKIP LOCKED";

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        TimeProvider clock,
        GroupRobotSecrets secrets,
        GroupRobotPoster poster,
        PublicSite site,
        NotificationHub hub,
        IOptions<GroupRobotOptions> options,
        ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(CancellationToken cancellationToken)
        {
            var total = new Result(0, 0);
            while (true)
            {
                var batch = await DeliverBatchAsync(cancellationToken);
                total = new Result(total.Delivered + batch.Delivered, total.Failed + batch.Failed);
                if (batch.Delivered + batch.Failed < BatchSize)
                {
                    return total;
                }
            }
        }

        private async Task<Result> DeliverBatchAsync(CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deliveries = await db.Set<GroupRobotDelivery>()
                .FromSqlRaw(TakeDueSql, new NpgsqlParameter("now", clock.GetUtcNow()), new NpgsqlParameter("batch", BatchSize))
                .ToListAsync(cancellationToken);
            var robotIds = deliveries.Select(d => d.RobotId).Distinct().ToList();
            var robots = await db.Set<GroupRobot>().AsNoTracking().Where(r => robotIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var warned = new List<Guid>();
            var delivered = 0;
            foreach (var byRobot in deliveries.GroupBy(d => d.RobotId))
            {
                var robot = robots.GetValueOrDefault(byRobot.Key);
                if (robot is not { IsEnabled: true })
                {
                    foreach (var delivery in byRobot)
                    {
                        delivery.GiveUp("The robot is disabled or deleted.");
                    }

                    continue;
                }

                var failures = robot.ConsecutiveFailures;
                string? lastError = null;
                foreach (var delivery in byRobot)
                {
                    var error = await PostAsync(robot, delivery, cancellationToken);
                    var now = clock.GetUtcNow();
                    if (error is null)
                    {
                        delivery.RecordDelivered(now);
                        delivered++;
                        failures = 0;
                        lastError = null;
                    }
                    else
                    {
                        delivery.RecordFailure(error, now);
                        failures++;
                        lastError = error;
                        logger.LogWarning("Group robot delivery {DeliveryId} to robot {RobotId} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.RobotId, delivery.Attempts, error);
                        if (robot.CreatedByUserId is { } owner && failures == options.Value.FailuresBeforeWarning)
                        {
                            await WarnAsync(db, robot, owner, delivery, failures, error, cancellationToken);
                            warned.Add(owner);
                        }
                    }
                }

                await RecordOnRobotAsync(db, robot.Id, failures, lastError, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var owner in warned)
            {
                hub.Signal(owner);
            }

            return new Result(delivered, deliveries.Count - delivered);
        }

        /// <summary>Null when posted, otherwise the reason it was not.</summary>
        private async Task<string?> PostAsync(GroupRobot robot, GroupRobotDelivery delivery, CancellationToken cancellationToken)
        {
            try
            {
                var culture = GroupRobotLanguages.Culture(robot.Language);
                var text = Notices.Render(delivery.TemplateKey, delivery.Arguments, culture);
                var message = new GroupRobotMessage(text.Title, text.Body, delivery.Link is { } link ? site.LinkTo(link) : null, Notices.Text(culture, "GroupRobot.LinkText"));
                var secret = robot.ProtectedSecret is { } protectedSecret ? secrets.Unprotect(protectedSecret) : null;
                await poster.PostAsync(robot.Kind, new Uri(secrets.Unprotect(robot.ProtectedWebhook)), secret, message, cancellationToken);
                return null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure of the platform (refusal, HTTP status, timeout) or of the key ring is recorded and retried, never thrown.
                return $"{ex.GetType().Name}: {ex.Message}";
            }
        }

        /// <summary>The robot's failures in a row and last error, by a statement of its own so the audit trail is not filled with them.</summary>
        private async Task RecordOnRobotAsync(DualPreventionDbContext db, Guid robotId, int failures, string? lastError, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var error = lastError is { Length: > 2000 } ? lastError[..2000] : lastError;
            await db.Set<GroupRobot>().Where(r => r.Id == robotId).ExecuteUpdateAsync(
                set => set.SetProperty(r => r.ConsecutiveFailures, failures).SetProperty(r => r.LastError, error).SetProperty(r => r.LastAttemptAt, now),
                cancellationToken);
        }

        private async Task WarnAsync(DualPreventionDbContext db, GroupRobot robot, Guid owner, GroupRobotDelivery delivery, int failures, string error, CancellationToken cancellationToken)
        {
            if (!await db.Users.AnyAsync(u => u.Id == owner, cancellationToken))
            {
                return;
            }

            var notice = new GroupRobotFailingNotice(robot.Name, failures, error.Length > 300 ? error[..300] : error);
            db.Notifications.Add(Notification.Create(delivery.EnterpriseId, delivery.RegionCode, owner, notice, "group-robots", clock.GetUtcNow()));
        }
    }
}
