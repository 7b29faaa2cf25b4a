using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>One step of a hidden danger's timeline: who did what, when (UTC), from which state to which, and why.</summary>
public sealed class HiddenDangerHistoryEntry : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid HiddenDangerId { get; private set; }

    /// <summary>The action's name, e.g. Register, Confirm, SubmitRectification, Accept, RejectAcceptance.</summary>
    public string Action { get; private set; } = "";

    public HiddenDangerState? FromState { get; private set; }

    public HiddenDangerState ToState { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset At { get; private set; }

    public Guid? ByUserId { get; private set; }

    public string ByName { get; private set; } = "";

    public string? Comment { get; private set; }

    public static HiddenDangerHistoryEntry Record(
        HiddenDanger hiddenDanger, string action, HiddenDangerState? fromState, Guid? byUserId, string byName, string? comment, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = hiddenDanger.EnterpriseId,
            RegionCode = hiddenDanger.RegionCode,
            HiddenDangerId = hiddenDanger.Id,
            Action = action,
            FromState = fromState,
            ToState = hiddenDanger.State,
            At = now,
            ByUserId = byUserId,
            ByName = byName,
            Comment = comment,
        };
}
