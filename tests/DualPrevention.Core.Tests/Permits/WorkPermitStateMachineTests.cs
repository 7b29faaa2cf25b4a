using System.Globalization;
using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>
/// The life-cycle of docs/domain/special-operations.md#12-permit-life-cycle (ADR 0045) as a table: every action from every
/// status is either a transition written there or refused with a readable reason.
/// </summary>
public class WorkPermitStateMachineTests
{
    /// <summary>The spec's start states per action, written out independently of the production table.</summary>
    private static readonly Dictionary<WorkPermitAction, WorkPermitStatus[]> Spec = new()
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

    public static TheoryData<WorkPermitAction, WorkPermitStatus> EveryActionFromEveryStatus()
    {
        var data = new TheoryData<WorkPermitAction, WorkPermitStatus>();
        foreach (var action in Spec.Keys)
        {
            foreach (var status in Enum.GetValues<WorkPermitStatus>())
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Fact]
    public void The_production_table_is_the_spec()
    {
        WorkPermitLifecycle.AllowedFrom.Keys.Order().ShouldBe(Spec.Keys.Order());
        foreach (var (action, from) in Spec)
        {
            WorkPermitLifecycle.AllowedFrom[action].Order().ShouldBe(from.Order(), action.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void An_action_moves_from_the_states_of_the_spec_and_is_refused_from_every_other_with_a_reason(WorkPermitAction action, WorkPermitStatus status)
    {
        var permit = InStatus(status);
        if (Spec[action].Contains(status))
        {
            var step = Apply(permit, action);
            permit.Status.ShouldBe(Target(action, status));
            (step.FromStatus, step.ToStatus, step.PermitId).ShouldBe((status, permit.Status, permit.Id));
        }
        else
        {
            var refused = Should.Throw<PermitRefusedException>(() => Apply(permit, action));
            refused.Refusals.Single().Key.ShouldBe("Permit.NotAllowedInStatus");
            permit.Status.ShouldBe(status);
        }
    }

    [Fact]
    public void A_refused_transition_reads_in_Chinese_first_naming_the_status_and_the_action()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            var refused = Should.Throw<PermitRefusedException>(() => InStatus(WorkPermitStatus.Closed).Finish(Applicant, ActAt));
            refused.Message.ShouldBe("作业票处于“已关闭”状态，不能完工。");
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Should.Throw<PermitRefusedException>(() => InStatus(WorkPermitStatus.Closed).Finish(Applicant, ActAt)).Message
                .ShouldBe("A permit that is closed cannot be finished.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_whole_hot_work_permit_runs_from_draft_to_closed_and_logs_every_transition()
    {
        var permit = Started();
        permit.Suspend("午休", Applicant, Now.AddMinutes(40));
        permit.Resume(Named(), null, true, Applicant, Now.AddMinutes(50));
        permit.Finish(Applicant, Now.AddMinutes(90));
        var closed = permit.Accept(true, "现场已清理", Applicant, Now.AddMinutes(95));

        (permit.Status, permit.ActualStart, permit.ActualEnd, permit.AcceptedAt).ShouldBe((WorkPermitStatus.Closed, Now.AddMinutes(31), Now.AddMinutes(90), Now.AddMinutes(95)));
        permit.Interruptions.Single().To.ShouldBe(Now.AddMinutes(50));
        (closed.Action, closed.FromStatus, closed.ToStatus, closed.Reason).ShouldBe((WorkPermitAction.Accepted, WorkPermitStatus.PendingAcceptance, WorkPermitStatus.Closed, "现场已清理"));
    }

    [Fact]
    public void Rejection_returns_the_permit_to_draft_with_its_reason_and_clears_the_signatures()
    {
        var permit = InStatus(WorkPermitStatus.InApproval);
        SignNext(permit, ActAt);

        var step = permit.Reject("措施不全", Applicant, ActAt);

        (permit.Status, step.Reason, permit.Approvals.Count).ShouldBe((WorkPermitStatus.Draft, "措施不全", 0));
        Should.Throw<PermitRefusedException>(() => InStatus(WorkPermitStatus.InApproval).Reject(" ", Applicant, ActAt))
            .Refusals.Single().Key.ShouldBe("Permit.ReasonRequired");
    }

    [Fact]
    public void A_permit_expires_only_after_its_deadline()
    {
        var permit = Started();

        Should.Throw<PermitRefusedException>(() => permit.Expire(PlannedEnd)).Refusals.Single().Key.ShouldBe("Permit.NotYetExpired");
        permit.Expire(PlannedEnd.AddSeconds(1));

        (permit.Status, permit.ClosedAt).ShouldBe((WorkPermitStatus.Expired, PlannedEnd.AddSeconds(1)));
    }

    [Fact]
    public void A_signed_permit_is_corrected_by_voiding_it_and_issuing_a_new_draft_linked_to_it_GB30871_4_18()
    {
        var signed = Approved();
        var replacement = Drafted();

        signed.Void("作业地点有误", replacement, Applicant, ActAt);

        (signed.Status, signed.EndReason, signed.ReplacedByPermitId, replacement.ReplacesPermitId).ShouldBe((WorkPermitStatus.Voided, "作业地点有误", replacement.Id, signed.Id));
        Should.Throw<PermitRefusedException>(() => signed.Edit(Content(), Applicant, ActAt)).Refusals.Single().Key.ShouldBe("Permit.NotAllowedInStatus");
    }

    [Fact]
    public void Only_a_draft_is_edited_and_its_type_stays()
    {
        Should.Throw<PermitRefusedException>(() => InStatus(WorkPermitStatus.Preparing).Edit(Content(), Applicant, ActAt));
        Should.Throw<PermitRefusedException>(() => Drafted().Edit(Content(new ConfinedSpaceDetails("T-101", null, null, null)), Applicant, ActAt))
            .Refusals.Single().Key.ShouldBe("Permit.TypeCannotChange");
    }

    [Fact]
    public void Linked_permits_are_of_different_types_and_link_both_ways_GB30871_4_6()
    {
        var hotWork = Drafted();
        var confined = Drafted(new ConfinedSpaceDetails("T-101", "苯", "苯", "苯"));

        hotWork.LinkWith(confined);

        (hotWork.LinkedPermitIds.Single(), confined.LinkedPermitIds.Single()).ShouldBe((confined.Id, hotWork.Id));
        Should.Throw<PermitRefusedException>(() => hotWork.LinkWith(Drafted())).Refusals.Single().Key.ShouldBe("Permit.LinkSameType");
    }

    private static WorkPermitStatus Target(WorkPermitAction action, WorkPermitStatus from) => action switch
    {
        WorkPermitAction.Edited => WorkPermitStatus.Draft,
        WorkPermitAction.Submitted => WorkPermitStatus.Preparing,
        WorkPermitAction.MeasureConfirmed or WorkPermitAction.BriefingRecorded or WorkPermitAction.GasTestRecorded or WorkPermitAction.ShiftLeaderChecked => from,
        WorkPermitAction.SentForApproval or WorkPermitAction.StepSigned => WorkPermitStatus.InApproval,
        WorkPermitAction.Rejected => WorkPermitStatus.Draft,
        WorkPermitAction.Started or WorkPermitAction.Resumed => WorkPermitStatus.InProgress,
        WorkPermitAction.Suspended => WorkPermitStatus.Suspended,
        WorkPermitAction.Finished => WorkPermitStatus.PendingAcceptance,
        WorkPermitAction.Accepted => WorkPermitStatus.Closed,
        WorkPermitAction.Expired => WorkPermitStatus.Expired,
        WorkPermitAction.Revoked => WorkPermitStatus.Revoked,
        WorkPermitAction.Cancelled => WorkPermitStatus.Cancelled,
        WorkPermitAction.Voided => WorkPermitStatus.Voided,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static WorkPermitEvent Apply(WorkPermit permit, WorkPermitAction action) => action switch
    {
        WorkPermitAction.Edited => permit.Edit(Content(), Applicant, ActAt),
        WorkPermitAction.Submitted => permit.Submit(Named(), Applicant, ActAt),
        WorkPermitAction.MeasureConfirmed => permit.ConfirmMeasure(permit.Measures[0].Id, true, Guardian, "监护人", Applicant, ActAt),
        WorkPermitAction.BriefingRecorded => permit.RecordBriefing(Leader, [Worker, Guardian], "交底", Applicant, ActAt),
        WorkPermitAction.GasTestRecorded => permit.RecordGasTest(PassingGas(ActAt.AddMinutes(-1)), Applicant, ActAt).Event,
        WorkPermitAction.SentForApproval => permit.SendForApproval(Applicant, ActAt),
        WorkPermitAction.StepSigned => permit.Sign(Holding(), null, LeaderAccount, null, ActAt),
        WorkPermitAction.Rejected => permit.Reject("退回", Applicant, ActAt),
        WorkPermitAction.ShiftLeaderChecked => permit.CheckByShiftLeader(ShiftLeader, Applicant, ActAt),
        WorkPermitAction.Started => permit.Start(Named(), null, Applicant, ActAt),
        WorkPermitAction.Suspended => permit.Suspend("暂停", Applicant, ActAt),
        WorkPermitAction.Resumed => permit.Resume(Named(), null, true, Applicant, ActAt),
        WorkPermitAction.Finished => permit.Finish(Applicant, ActAt),
        WorkPermitAction.Accepted => permit.Accept(true, null, Applicant, ActAt),
        WorkPermitAction.Expired => permit.Expire(PlannedEnd.AddMinutes(1)),
        WorkPermitAction.Revoked => permit.Revoke("收回", Applicant, ActAt),
        WorkPermitAction.Cancelled => permit.Cancel("取消", Applicant, ActAt),
        WorkPermitAction.Voided => permit.Void("作废", Drafted(), Applicant, ActAt),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
