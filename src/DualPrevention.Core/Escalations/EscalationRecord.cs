using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// A ladder step that fired for one item, recorded once: unique on (subject, subject id, period, step), so a
/// retried or doubled escalation run notifies nobody twice. The bureau's and the province's supervision lists
/// read the records whose target is theirs.
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

    /// <summary>UTC.</summary>
    public DateTimeOffset FiredAt { get; private set; }
}
