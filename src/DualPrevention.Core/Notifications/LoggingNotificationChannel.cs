using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Notifications;

/// <summary>The default channel: writes each notification to the log, so operators see what would be sent.</summary>
public sealed partial class LoggingNotificationChannel(ILogger<LoggingNotificationChannel> logger) : INotificationChannel
{
    public const string ChannelName = "log";

    public string Name => ChannelName;

    public Task SendAsync(OutboundNotification notification, NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        LogSent(notification.Id, recipient.UserName, notification.Title, notification.Body, notification.Link);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} to {RecipientUserName}: {Title} — {Body} ({Link})")]
    private partial void LogSent(Guid notificationId, string recipientUserName, string title, string body, string? link);
}
