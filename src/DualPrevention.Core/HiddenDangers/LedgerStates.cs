namespace DualPrevention.Core.HiddenDangers;

/// <summary>Which states count as open where lists derive overdue and supervision (docs/domain/dual-prevention.md#68-overdue).</summary>
public static class LedgerStates
{
    /// <summary>Registered and not yet accepted: the states in which a deadline can be missed (<see cref="HiddenDanger.IsOverdueOn"/>).</summary>
    public static readonly HiddenDangerState[] Open = [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying, HiddenDangerState.PendingAcceptance];

    /// <summary>A major hidden danger stays on the bureau's list until it is closed out (销号), so acceptance alone does not take it off (docs/domain/dual-prevention.md#68-overdue).</summary>
    public static readonly HiddenDangerState[] OpenMajor =
        [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying, HiddenDangerState.PendingAcceptance, HiddenDangerState.Accepted];

    /// <summary>Whole local days past <paramref name="deadline"/> at <paramref name="today"/>, 0 when not overdue (ADR 0003: overdue from the next local day).</summary>
    public static int DaysOverdue(HiddenDangerState state, DateOnly? deadline, DateOnly today) =>
        deadline is { } d && today > d && Open.Contains(state) ? today.DayNumber - d.DayNumber : 0;
}
