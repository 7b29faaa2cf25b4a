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
}

/// <summary>Where an outbound delivery stands.</summary>
public enum DeliveryStatus
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Given up after the last attempt.</summary>
    Failed = 2,
}
