using DualPrevention.Core.Localization;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The states each action starts from (docs/domain/dual-prevention.md#64-life-cycle) and the grade it needs. Entity
/// methods and <see cref="HiddenDangerPermissions"/> both read this table, so the page, the API and the entity never
/// disagree.
/// </summary>
public static class HiddenDangerWorkflow
{
    /// <summary>The states <paramref name="action"/> may start from.</summary>
    public static IReadOnlyList<HiddenDangerState> FromStates(HiddenDangerAction action) => action switch
    {
        HiddenDangerAction.Register => [HiddenDangerState.Draft],
        HiddenDangerAction.Confirm or HiddenDangerAction.Invalidate => [HiddenDangerState.PendingConfirmation],
        HiddenDangerAction.SubmitRectification or HiddenDangerAction.RequestExtension or HiddenDangerAction.DecideExtension => [HiddenDangerState.Rectifying],
        HiddenDangerAction.Accept or HiddenDangerAction.RejectAcceptance => [HiddenDangerState.PendingAcceptance],

        // A new report is pending confirmation; fixing it on the spot skips confirmation (即查即改,
        // docs/domain/dual-prevention.md#65-fixing-on-the-spot).
        HiddenDangerAction.FixOnSpot => [HiddenDangerState.Draft, HiddenDangerState.PendingConfirmation],
        HiddenDangerAction.SaveRemediationPlan => [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying],
        HiddenDangerAction.RecordWorkersCongressReport or HiddenDangerAction.Post => HiddenDangerStates.Open.Members,
        HiddenDangerAction.CloseOut => [HiddenDangerState.Accepted],
        HiddenDangerAction.AddPhoto => [HiddenDangerState.Draft, .. HiddenDangerStates.Open.Members],
    };

    /// <summary>Null when the grade suits the action, else the refusal: plan, congress report, posting and close-out are for major ones only, 即查即改 for general ones only (docs/domain/dual-prevention.md#61-definition-and-grades).</summary>
    public static string? GradeRefusal(HiddenDangerAction action, HiddenDangerLevel level) => action switch
    {
        HiddenDangerAction.SaveRemediationPlan or HiddenDangerAction.RecordWorkersCongressReport or HiddenDangerAction.Post or HiddenDangerAction.CloseOut
            when level != HiddenDangerLevel.Major => CoreText.Get("HiddenDanger.MajorOnly", ActionName(action)),
        HiddenDangerAction.FixOnSpot when level == HiddenDangerLevel.Major => CoreText.Get("HiddenDanger.FixOnSpotGeneralOnly"),
        _ => null,
    };

    /// <summary>Null when <paramref name="action"/> may start from <paramref name="state"/> at <paramref name="level"/>, else why not.</summary>
    public static string? Refusal(HiddenDangerAction action, HiddenDangerState state, HiddenDangerLevel level) =>
        FromStates(action).Contains(state)
            ? GradeRefusal(action, level)
            : CoreText.Get("HiddenDanger.IllegalTransition", ActionName(action), StateName(state));

    /// <exception cref="DomainRuleException">The action may not start from the state, or does not suit the grade.</exception>
    public static void Ensure(HiddenDangerAction action, HiddenDangerState state, HiddenDangerLevel level)
    {
        if (Refusal(action, state, level) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }
    }

    /// <summary>The action's name in the current UI culture, e.g. 验收.</summary>
    public static string ActionName(HiddenDangerAction action) => CoreText.Get($"HiddenDangerAction.{action}");

    /// <summary>The state's name in the current UI culture, e.g. 整改中.</summary>
    public static string StateName(HiddenDangerState state) => CoreText.Get($"HiddenDangerState.{state}");
}
