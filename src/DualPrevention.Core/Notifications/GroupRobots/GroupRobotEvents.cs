namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// The notice kinds (ADR 0018 template keys) a group robot may post, by who owns it (ADR 0019). An enterprise's group
/// hears its own workflow (a new hidden danger to confirm, a major one posted for supervision 挂牌督办) and the
/// escalation steps addressed to the enterprise; a bureau's group hears the steps addressed to its supervision
/// (overdue items escalated to the city or the province, missed checks).
/// </summary>
public static class GroupRobotEvents
{
    /// <summary>新隐患待确认.</summary>
    public const string HiddenDangerReported = "HiddenDangerNotice.Reported";

    /// <summary>重大隐患挂牌督办.</summary>
    public const string HiddenDangerPosted = "HiddenDangerNotice.Posted";

    /// <summary>隐患即将到期、逾期、升级.</summary>
    public const string HiddenDangerEscalated = "EscalationNotice.HiddenDanger";

    /// <summary>排查任务漏检.</summary>
    public const string MissedWindows = "EscalationNotice.MissedWindows";

    /// <summary>What an enterprise's robot may post.</summary>
    public static IReadOnlyList<string> ForEnterprise { get; } = [HiddenDangerReported, HiddenDangerPosted, HiddenDangerEscalated, MissedWindows];

    /// <summary>What a bureau's robot may post.</summary>
    public static IReadOnlyList<string> ForBureau { get; } = [HiddenDangerEscalated, MissedWindows];

    /// <summary>The kinds an owner of this kind may choose.</summary>
    public static IReadOnlyList<string> For(bool enterprise) => enterprise ? ForEnterprise : ForBureau;
}
