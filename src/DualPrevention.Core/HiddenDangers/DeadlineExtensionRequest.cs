using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A request to move a hidden danger's deadline (spec §11.2): the deadline changes only when it is approved, and
/// every request stays as history. For a posted major one the posting bureau decides (spec §8.3).
/// </summary>
public sealed class DeadlineExtensionRequest : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid HiddenDangerId { get; private set; }

    /// <summary>Local date.</summary>
    public DateOnly PreviousDeadline { get; private set; }

    /// <summary>Local date, after <see cref="PreviousDeadline"/>.</summary>
    public DateOnly RequestedDeadline { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>UTC.</summary>
    public DateTimeOffset RequestedAt { get; private set; }

    public Guid? RequestedByUserId { get; private set; }

    public string RequestedByName { get; private set; } = "";

    public ExtensionDecision Decision { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? DecisionComment { get; private set; }
}
