using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// One notification sent through one outbound channel (log, webhook, SMS, email), with its attempts: retried with
/// back-off until delivered or given up, every failure's message kept.
/// </summary>
public sealed class NotificationDelivery : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid NotificationId { get; private set; }

    /// <summary>The channel's name, e.g. "log", "webhook".</summary>
    public string Channel { get; private set; } = "";

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>UTC of the next try while pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Attempts after which a delivery is given up (the sixth failure).</summary>
    public const int MaxAttempts = 6;

    /// <summary>A pending delivery of <paramref name="notification"/> through <paramref name="channel"/>, due at once (<paramref name="now"/>, UTC).</summary>
    public static NotificationDelivery Queue(Notification notification, string channel, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = notification.EnterpriseId ?? throw new ArgumentException("Only a notice about an enterprise goes out through its channels.", nameof(notification)),
        RegionCode = notification.RegionCode,
        NotificationId = notification.Id,
        Channel = channel,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Records a successful attempt.</summary>
    public void RecordDelivered(DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>
    /// Records a failed attempt: retried after 1, 2, 4, 8 and 16 minutes, then <see cref="DeliveryStatus.Failed"/>
    /// after <see cref="MaxAttempts"/> attempts. The error is kept, cut to 2,000 characters.
    /// </summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = now.AddMinutes(1 << (Attempts - 1));
    }
}

/// <summary>Where an outbound delivery stands.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Given up after the last attempt.</summary>
    Failed = 2,
}
