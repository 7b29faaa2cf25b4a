using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// A ladder step that fired for one item, recorded once: unique on (subject, subject id, period, step), so a
/// retried or doubled escalation run records it once. It is also the outbox of its notifications (ADR 0010):
/// <see cref="NotifyEscalations"/> writes them and marks <see cref="NotifiedAt"/> in one transaction. The bureau's
/// and the province's supervision lists read the records whose target is theirs.
/// </summary>
public sealed class EscalationRecord : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public EscalationSubject Subject { get; private set; }

    /// <summary>The hidden danger's id, or the enterprise's id for missed windows.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>"" for hidden dangers; the ISO week ("2026-W48") for missed windows.</summary>
    public string Period { get; private set; } = "";

    public string StepCode { get; private set; } = "";

    public EscalationTarget Target { get; private set; }

    /// <summary>What made the step fire, as the ladder said then; chooses the notification's wording.</summary>
    public EscalationTrigger Trigger { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset FiredAt { get; private set; }

    /// <summary>UTC when the recipients' notifications and deliveries were written; null while they are pending.</summary>
    public DateTimeOffset? NotifiedAt { get; private set; }
}
