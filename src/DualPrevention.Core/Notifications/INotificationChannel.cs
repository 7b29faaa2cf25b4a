namespace DualPrevention.Core.Notifications;

/// <summary>
/// An outbound way to reach a person besides the in-app inbox (docs/domain/dual-prevention.md#81-the-escalation-ladder:
/// SMS, WeCom/DingTalk robot, email). Implemented: <see cref="LoggingNotificationChannel"/> ("log", the default) and
/// <see cref="WebhookNotificationChannel"/> ("webhook"); SMS and email have no implementation yet.
/// </summary>
public interface INotificationChannel
{
    /// <summary>The name stored on each delivery, at most 20 characters.</summary>
    string Name { get; }

    /// <summary>Sends one notification to one recipient.</summary>
    /// <exception cref="Exception">Any failure; the delivery is retried with back-off and the message recorded.</exception>
    Task SendAsync(OutboundNotification notification, NotificationRecipient recipient, CancellationToken cancellationToken);
}

/// <summary>
/// What a channel sends, in the recipient's language; <see cref="CreatedAt"/> is UTC, <see cref="Link"/> absolute under the
/// public base URL (<see cref="PublicSite"/>), relative to the site only when none is configured.
/// </summary>
public sealed record OutboundNotification(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt);

/// <summary>How to reach the recipient: the account's name, display name, phone and e-mail.</summary>
public sealed record NotificationRecipient(Guid UserId, string UserName, string DisplayName, string? PhoneNumber, string? Email);
