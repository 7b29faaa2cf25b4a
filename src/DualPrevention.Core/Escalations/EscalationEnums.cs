namespace DualPrevention.Core.Escalations;

/// <summary>What makes an escalation step fire (docs/domain/dual-prevention.md#81-the-escalation-ladder).</summary>
public enum EscalationTrigger
{
    /// <summary><see cref="EscalationRule.Days"/> days before the deadline.</summary>
    BeforeDeadline = 1,

    /// <summary><see cref="EscalationRule.Days"/> days after the deadline (0 = on the day after it, when it becomes overdue).</summary>
    Overdue = 2,

    /// <summary>As soon as the hidden danger is registered (major ones go to the bureau at once).</summary>
    Registered = 3,

    /// <summary>A posted (挂牌) major hidden danger past its posting deadline.</summary>
    PostedOverdue = 4,

    /// <summary>An enterprise with more than <see cref="EscalationRule.Days"/> missed windows in one ISO week.</summary>
    MissedWindowsInWeek = 5,
}

/// <summary>Who an escalation step notifies, or which list it puts the item on.</summary>
public enum EscalationTarget
{
    /// <summary>整改责任人.</summary>
    Rectifier = 1,

    /// <summary>The enterprise's safety officers (安全管理员) and department head.</summary>
    SafetyOfficers = 2,

    /// <summary>主要负责人: the enterprise's administrators.</summary>
    Principal = 3,

    /// <summary>The city bureau's supervision list (督办) and its reviewers.</summary>
    CitySupervision = 4,

    /// <summary>The province's list and its staff.</summary>
    ProvinceSupervision = 5,
}

/// <summary>What an escalation is about.</summary>
public enum EscalationSubject
{
    HiddenDanger = 1,

    /// <summary>An enterprise's missed inspection windows of one ISO week.</summary>
    MissedWindows = 2,
}
