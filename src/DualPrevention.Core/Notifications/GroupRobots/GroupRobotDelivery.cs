using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// One event posted to one group robot: one row per (robot, event), unique on <see cref="EventKey"/>, so a retried job
/// or use case never posts twice, and one post per event to a group whatever the number of people told in the app.
/// Holds the notice as a template (ADR 0018), rendered when sent. Owned by the enterprise the event is about.
/// Retried with the back-off of <see cref="NotificationDelivery"/> (ADR 0010).
/// </summary>
public sealed class GroupRobotDelivery : ITenantOwned
{
    private GroupRobotDelivery()
    {
    }

    public Guid Id { get; private set; }

    public Guid RobotId { get; private set; }

    /// <summary>The enterprise the event is about.</summary>
    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>What makes the event one: <c>notice:{id}</c> for a workflow step, <c>escalation:…</c> for a ladder step.</summary>
    public string EventKey { get; private set; } = "";

    public string TemplateKey { get; private set; } = "";

    /// <summary>The notice's arguments, <c>jsonb</c>.</summary>
    public string Arguments { get; private set; } = "{}";

    /// <summary>Relative URL of the page the message links to.</summary>
    public string? Link { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>UTC of the next try while pending.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? DeliveredAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A pending post of <paramref name="notice"/> to <paramref name="robotId"/>, due at once.</summary>
    public static GroupRobotDelivery Queue<TNotice>(Guid robotId, Guid enterpriseId, string regionCode, string eventKey, TNotice notice, string? link, DateTimeOffset now)
        where TNotice : INotice
    {
        var (key, arguments) = Notices.Store(notice);
        return new()
        {
            Id = Guid.CreateVersion7(),
            RobotId = robotId,
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            EventKey = eventKey,
            TemplateKey = key,
            Arguments = arguments,
            Link = link,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
    }

    public void RecordDelivered(DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
        NextAttemptAt = null;
        LastError = null;
    }

    /// <summary>Given up without an attempt (the robot was disabled or deleted since).</summary>
    public void GiveUp(string reason)
    {
        Status = DeliveryStatus.Failed;
        NextAttemptAt = null;
        LastError = reason;
    }

    /// <summary>Retried after 1, 2, 4, 8 and 16 minutes, then given up, as <see cref="NotificationDelivery.RecordFailure"/>.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= NotificationDelivery.MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            NextAttemptAt = null;
            return;
        }

        NextAttemptAt = now.AddMinutes(1 << (Attempts - 1));
    }
}
