using DualPrevention.Core.Data;
using static DualPrevention.Core.Escalations.EscalationTrigger;

namespace DualPrevention.Core.Escalations;

/// <summary>
/// What each escalation trigger watches (docs/domain/dual-prevention.md#81-the-escalation-ladder), so that the ladder's
/// statement (<see cref="EscalationSql"/>) reads every step with the part that watches its trigger.
/// </summary>
public static class EscalationTriggers
{
    /// <summary>An open hidden danger's deadline, before and after it.</summary>
    public static readonly StateSet<EscalationTrigger> OnDeadline = new(
        [BeforeDeadline, Overdue],
        [Registered, PostedOverdue, MissedWindowsInWeek]);

    /// <summary>An open major hidden danger's case: its registration, and its posting deadline once posted.</summary>
    public static readonly StateSet<EscalationTrigger> OnMajorCase = new(
        [Registered, PostedOverdue],
        [BeforeDeadline, Overdue, MissedWindowsInWeek]);

    /// <summary>An enterprise's missed inspection windows of one ISO week.</summary>
    public static readonly StateSet<EscalationTrigger> OnMissedWindows = new(
        [MissedWindowsInWeek],
        [BeforeDeadline, Overdue, Registered, PostedOverdue]);
}
