namespace DualPrevention.Core.Permits;

/// <summary>The transitions' start states (docs/domain/special-operations.md#12-permit-life-cycle, ADR 0045).</summary>
public static class WorkPermitLifecycle
{
    /// <summary>The states each action may start from; every other start state is refused with a readable reason.</summary>
    public static readonly IReadOnlyDictionary<WorkPermitAction, WorkPermitStatus[]> AllowedFrom = new Dictionary<WorkPermitAction, WorkPermitStatus[]>
    {
        [WorkPermitAction.Edited] = [WorkPermitStatus.Draft],
        [WorkPermitAction.Submitted] = [WorkPermitStatus.Draft],
        [WorkPermitAction.MeasureConfirmed] = [WorkPermitStatus.Preparing],
        [WorkPermitAction.BriefingRecorded] = [WorkPermitStatus.Preparing],
        [WorkPermitAction.GasTestRecorded] = [WorkPermitStatus.Preparing, WorkPermitStatus.InApproval, WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended],
        [WorkPermitAction.SentForApproval] = [WorkPermitStatus.Preparing],
        [WorkPermitAction.StepSigned] = [WorkPermitStatus.InApproval],
        [WorkPermitAction.Rejected] = [WorkPermitStatus.InApproval],
        [WorkPermitAction.ShiftLeaderChecked] = [WorkPermitStatus.Approved],
        [WorkPermitAction.Started] = [WorkPermitStatus.Approved],
        [WorkPermitAction.Suspended] = [WorkPermitStatus.InProgress],
        [WorkPermitAction.Resumed] = [WorkPermitStatus.Suspended],
        [WorkPermitAction.Finished] = [WorkPermitStatus.InProgress],
        [WorkPermitAction.Accepted] = [WorkPermitStatus.PendingAcceptance],
        [WorkPermitAction.Expired] = [WorkPermitStatus.Draft, WorkPermitStatus.Preparing, WorkPermitStatus.InApproval, WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended],
        [WorkPermitAction.Revoked] = [WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended],
        [WorkPermitAction.Cancelled] = [WorkPermitStatus.Draft, WorkPermitStatus.Preparing, WorkPermitStatus.InApproval, WorkPermitStatus.Approved],
        [WorkPermitAction.Voided] = [WorkPermitStatus.InApproval, WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended],
    };

    /// <summary>States a permit never leaves.</summary>
    public static readonly IReadOnlySet<WorkPermitStatus> Terminal = new HashSet<WorkPermitStatus>
    {
        WorkPermitStatus.Closed, WorkPermitStatus.Expired, WorkPermitStatus.Revoked, WorkPermitStatus.Cancelled, WorkPermitStatus.Voided,
    };
}
