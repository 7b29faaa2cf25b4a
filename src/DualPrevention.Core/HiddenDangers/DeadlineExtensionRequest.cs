using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A request to move a hidden danger's deadline (docs/domain/dual-prevention.md#67-deadlines-and-extensions): the
/// deadline changes only when it is approved, and every request stays as history. For a posted major one the posting
/// bureau decides.
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

    /// <summary>A pending request; <see cref="HiddenDanger.RequestExtension"/> checks the dates and that none is pending.</summary>
    internal static DeadlineExtensionRequest Open(
        HiddenDanger hiddenDanger, DateOnly previousDeadline, DateOnly requestedDeadline, string reason, HiddenDangerPerson by, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = hiddenDanger.EnterpriseId,
            RegionCode = hiddenDanger.RegionCode,
            HiddenDangerId = hiddenDanger.Id,
            PreviousDeadline = previousDeadline,
            RequestedDeadline = requestedDeadline,
            Reason = reason,
            RequestedAt = now,
            RequestedByUserId = by.UserId,
            RequestedByName = by.Name,
        };

    /// <exception cref="DomainRuleException">The request was decided already.</exception>
    internal void Decide(bool approve, string? comment, HiddenDangerPerson by, DateTimeOffset now)
    {
        if (Decision != ExtensionDecision.Pending)
        {
            throw new DomainRuleException(Localization.CoreText.Get("HiddenDanger.ExtensionDecided"));
        }

        Decision = approve ? ExtensionDecision.Approved : ExtensionDecision.Rejected;
        DecidedAt = now;
        DecidedByUserId = by.UserId;
        DecidedByName = by.Name;
        DecisionComment = comment;
    }
}
