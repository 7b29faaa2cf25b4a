using System.Globalization;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// The recurring job <c>notifications:deliver</c>: sends the pending deliveries that are due, in batches
/// locked with <c>FOR UPDATE SKIP LOCKED</c> (two servers never send the same one), and records each outcome —
/// delivered, or the error and the next try after back-off (<see cref="NotificationDelivery.RecordFailure"/>).
/// A delivery whose channel is no longer configured fails with that reason. Each message is rendered in its recipient's
/// preferred culture, its link made absolute under the public base URL (<see cref="PublicSite"/>). System scope.
/// </summary>
public static class DeliverNotifications
{
    /// <summary>Deliveries sent and deliveries that failed this run.</summary>
    public sealed record Result(int Delivered, int Failed);

    /// <summary>Deliveries locked and sent per transaction.</summary>
    public const int BatchSize = 200;

    /// <summary>Up to <c>@batch</c> pending deliveries due at <c>@now</c>, oldest first, skipping those another run holds.</summary>
    private static readonly string TakeDueSql =
        $"SELECT * FROM notification_delivery WHERE {DeliveryStates.Pending.Sql("status")} AND next_attempt_at <= @now ORDER BY next_attempt_at LIMIT @batch FOR UPDATE SKIP LOCKED";

    public sealed class Handler(
        IDbContextFactory<DualPreventionDbContext> dbFactory,
        TimeProvider clock,
        IEnumerable<INotificationChannel> channels,
        PublicSite site,
        ILogger<Handler> logger)
    {
        private readonly Dictionary<string, INotificationChannel> _channels = channels.ToDictionary(c => c.Name, StringComparer.Ordinal);

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
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deliveries = await db.NotificationDeliveries
                .FromSqlRaw(TakeDueSql, new NpgsqlParameter("now", now), new NpgsqlParameter("batch", BatchSize))
                .ToListAsync(cancellationToken);
            var notificationIds = deliveries.Select(d => d.NotificationId).Distinct().ToList();
            var messages = (await db.Notifications.AsNoTracking()
                .Where(n => notificationIds.Contains(n.Id))
                .Join(db.Users, n => n.RecipientUserId, u => u.Id, (n, u) => new
                {
                    Notification = n,
                    u.PreferredCulture,
                    Recipient = new NotificationRecipient(u.Id, u.UserName ?? "", u.DisplayName, u.PhoneNumber, u.Email),
                })
                .ToListAsync(cancellationToken))
                .ToDictionary(m => m.Notification.Id, m => new { Message = Outbound(m.Notification, m.PreferredCulture), m.Recipient });

            var delivered = 0;
            foreach (var delivery in deliveries)
            {
                var error = await SendAsync(delivery, messages.GetValueOrDefault(delivery.NotificationId)?.Message, messages.GetValueOrDefault(delivery.NotificationId)?.Recipient, cancellationToken);
                if (error is null)
                {
                    delivery.RecordDelivered(clock.GetUtcNow());
                    delivered++;
                }
                else
                {
                    delivery.RecordFailure(error, clock.GetUtcNow());
                    logger.LogWarning("Delivery {DeliveryId} through {Channel} failed (attempt {Attempt}): {Error}", delivery.Id, delivery.Channel, delivery.Attempts, error);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(delivered, deliveries.Count - delivered);
        }

        /// <summary>The notification as its recipient reads it: in their culture (Chinese when theirs is unknown), linked absolutely.</summary>
        private OutboundNotification Outbound(Notification notification, string culture)
        {
            var text = notification.Render(CultureInfo.GetCultureInfo(culture is "en-US" ? culture : "zh-CN"));
            return new OutboundNotification(notification.Id, text.Title, text.Body, notification.Link is { } link ? site.LinkTo(link) : null, notification.CreatedAt);
        }

        /// <summary>Null when sent, otherwise the reason it was not.</summary>
        private async Task<string?> SendAsync(NotificationDelivery delivery, OutboundNotification? message, NotificationRecipient? recipient, CancellationToken cancellationToken)
        {
            if (message is null || recipient is null)
            {
                return "The notification or its recipient no longer exists.";
            }

            if (!_channels.TryGetValue(delivery.Channel, out var channel))
            {
                return $"Channel '{delivery.Channel}' is not configured.";
            }

            try
            {
                await channel.SendAsync(message, recipient, cancellationToken);
                return null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure of the outside system (HTTP status, timeout, DNS) is recorded and retried, never thrown.
                return $"{ex.GetType().Name}: {ex.Message}";
            }
        }
    }
}
