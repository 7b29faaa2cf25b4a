using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// A message in one person's in-app inbox, about something of an enterprise (so tenancy applies as to the
/// enterprise's rows). Unique on (escalation record, recipient) when an escalation made it.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid RecipientUserId { get; private set; }

    public Guid? EscalationRecordId { get; private set; }

    public string Title { get; private set; } = "";

    public string Body { get; private set; } = "";

    /// <summary>Relative URL of the page to open, e.g. "hidden-dangers/{id}".</summary>
    public string? Link { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
