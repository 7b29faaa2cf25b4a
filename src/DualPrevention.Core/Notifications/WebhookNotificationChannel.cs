using System.Net.Http.Json;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// A WeCom/DingTalk-style robot: POSTs <c>{title, body, link, recipient, createdAt}</c> as JSON to
/// <c>Notifications:Webhook:Url</c>. A non-2xx answer or a timeout (the client's) is a failure.
/// </summary>
public sealed class WebhookNotificationChannel(HttpClient client, Uri url) : INotificationChannel
{
    public const string ChannelName = "webhook";

    public string Name => ChannelName;

    public async Task SendAsync(OutboundNotification notification, NotificationRecipient recipient, CancellationToken cancellationToken)
    {
        var payload = new
        {
            title = notification.Title,
            body = notification.Body,
            link = notification.Link,
            recipient = recipient.UserName,
            createdAt = notification.CreatedAt,
        };
        using var response = await client.PostAsJsonAsync(url, payload, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
