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

    /// <summary>Longest title stored (the column's length).</summary>
    public const int MaxTitleLength = 200;

    /// <summary>Longest body stored (the column's length).</summary>
    public const int MaxBodyLength = 2000;

    /// <summary>
    /// A message that no escalation made (e.g. a step of a hidden danger's workflow), so it has no
    /// <see cref="EscalationRecordId"/>; title and body are cut to the columns' lengths.
    /// </summary>
    /// <param name="link">Relative URL, e.g. "hidden-dangers/{id}".</param>
    /// <param name="now">UTC.</param>
    public static Notification Create(Guid enterpriseId, string regionCode, Guid recipientUserId, string title, string body, string link, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        RecipientUserId = recipientUserId,
        Title = title.Length > MaxTitleLength ? title[..MaxTitleLength] : title,
        Body = body.Length > MaxBodyLength ? body[..MaxBodyLength] : body,
        Link = link,
        CreatedAt = now,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
