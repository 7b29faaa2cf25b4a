using System.Globalization;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// A message in one person's in-app inbox, about something of an enterprise (so tenancy applies as to the
/// enterprise's rows) or, without an enterprise, of a region (a regulator's own export: it belongs to the region as
/// the export does, ADR 0035). Unique on (escalation record, recipient) when an escalation made it.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; private set; }

    /// <summary>The enterprise the notice is about; null for a region's own notice.</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>The enterprise's county code, or the region's own code when <see cref="EnterpriseId"/> is null.</summary>
    public string RegionCode { get; private set; } = "";

    public Guid RecipientUserId { get; private set; }

    public Guid? EscalationRecordId { get; private set; }

    /// <summary>The kind of notice (<see cref="INotice.Key"/>), rendered in each reader's language.</summary>
    public string TemplateKey { get; private set; } = "";

    /// <summary>The notice's arguments as JSON (<see cref="Notices"/>), a <c>jsonb</c> column.</summary>
    public string Arguments { get; private set; } = "{}";

    /// <summary>Relative URL of the page to open, e.g. "hidden-dangers/{id}".</summary>
    public string? Link { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>UTC; null while unread.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    /// <summary>
    /// A message that no escalation made (e.g. a step of a hidden danger's workflow), so it has no
    /// <see cref="EscalationRecordId"/>.
    /// </summary>
    /// <param name="enterpriseId">The enterprise it is about; null for a region's own notice (then <paramref name="regionCode"/> is the region's).</param>
    /// <param name="link">Relative URL, e.g. "hidden-dangers/{id}".</param>
    /// <param name="now">UTC.</param>
    public static Notification Create<TNotice>(Guid? enterpriseId, string regionCode, Guid recipientUserId, TNotice notice, string link, DateTimeOffset now)
        where TNotice : INotice
    {
        var (key, arguments) = Notices.Store(notice);
        return new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            RecipientUserId = recipientUserId,
            TemplateKey = key,
            Arguments = arguments,
            Link = link,
            CreatedAt = now,
        };
    }

    /// <summary>The notice in <paramref name="culture"/>.</summary>
    public NoticeText Render(CultureInfo culture) => Notices.Render(TemplateKey, Arguments, culture);

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
