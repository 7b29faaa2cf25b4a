using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Tests.HiddenDangers;

/// <summary>The life-cycle (docs/domain/dual-prevention.md#64-life-cycle) as a table: every action from every state is either a transition written there or refused.</summary>
public class HiddenDangerStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly HiddenDangerPerson Rectifier = new(Guid.NewGuid(), "张三");
    private static readonly HiddenDangerPerson Manager = new(Guid.NewGuid(), "李四");

    /// <summary>The spec's start states per action, written out independently of the production table.</summary>
    private static readonly Dictionary<HiddenDangerAction, HiddenDangerState[]> Spec = new()
    {
        [HiddenDangerAction.Register] = [HiddenDangerState.Draft],
        [HiddenDangerAction.Confirm] = [HiddenDangerState.PendingConfirmation],
        [HiddenDangerAction.Invalidate] = [HiddenDangerState.PendingConfirmation],
        [HiddenDangerAction.SubmitRectification] = [HiddenDangerState.Rectifying],
        [HiddenDangerAction.Accept] = [HiddenDangerState.PendingAcceptance],
        [HiddenDangerAction.RejectAcceptance] = [HiddenDangerState.PendingAcceptance],
        [HiddenDangerAction.RequestExtension] = [HiddenDangerState.Rectifying],
        [HiddenDangerAction.DecideExtension] = [HiddenDangerState.Rectifying],
        [HiddenDangerAction.FixOnSpot] = [HiddenDangerState.Draft, HiddenDangerState.PendingConfirmation],
        [HiddenDangerAction.SaveRemediationPlan] = [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying],
        [HiddenDangerAction.RecordWorkersCongressReport] = [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying, HiddenDangerState.PendingAcceptance],
        [HiddenDangerAction.Post] = [HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying, HiddenDangerState.PendingAcceptance],
        [HiddenDangerAction.CloseOut] = [HiddenDangerState.Accepted],
        [HiddenDangerAction.AddPhoto] = [HiddenDangerState.Draft, HiddenDangerState.PendingConfirmation, HiddenDangerState.Rectifying, HiddenDangerState.PendingAcceptance],
    };

    public static TheoryData<HiddenDangerState, HiddenDangerAction> IllegalPairs()
    {
        var data = new TheoryData<HiddenDangerState, HiddenDangerAction>();
        foreach (var state in Enum.GetValues<HiddenDangerState>())
        {
            foreach (var action in Enum.GetValues<HiddenDangerAction>().Where(a => !Spec[a].Contains(state)))
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Fact]
    public void The_workflow_table_is_the_spec_table() =>
        Enum.GetValues<HiddenDangerAction>().ShouldAllBe(action => Spec[action].Order().SequenceEqual(HiddenDangerWorkflow.FromStates(action).Order()));

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void An_illegal_transition_is_refused_naming_the_action_and_the_state(HiddenDangerState state, HiddenDangerAction action)
    {
        foreach (var level in Enum.GetValues<HiddenDangerLevel>())
        {
            var hiddenDanger = InState(state, level);
            var refusal = Should.Throw<DomainRuleException>(() => Attempt(hiddenDanger, action));
            refusal.Message.ShouldContain(HiddenDangerWorkflow.StateName(state));
            refusal.Message.ShouldContain(HiddenDangerWorkflow.ActionName(action));
            hiddenDanger.State.ShouldBe(state);
        }
    }

    [Fact]
    public void The_general_loop_runs_report_confirm_rectify_reject_rectify_accept()
    {
        var (hiddenDanger, _) = Reported(HiddenDangerLevel.General);
        hiddenDanger.Confirm(Confirmation(HiddenDangerLevel.General), Rectifier, Today, Manager, Now);
        hiddenDanger.SubmitRectification("已更换", 1, null, Rectifier, Now);
        hiddenDanger.RejectAcceptance("照片不清楚", Manager, Rectifier, Now);
        hiddenDanger.AcceptanceRejections.ShouldBe(1);
        hiddenDanger.State.ShouldBe(HiddenDangerState.Rectifying);
        hiddenDanger.SubmitRectification("已重新拍照", 2, null, Rectifier, Now);
        var entry = hiddenDanger.Accept("合格", Manager, Rectifier, Now);
        hiddenDanger.State.ShouldBe(HiddenDangerState.Accepted);
        entry.FromState.ShouldBe(HiddenDangerState.PendingAcceptance);
        hiddenDanger.AccepterName.ShouldBe("李四");
    }

    [Fact]
    public void The_rectifier_cannot_accept_their_own_work_by_account_or_by_name()
    {
        var hiddenDanger = InState(HiddenDangerState.PendingAcceptance, HiddenDangerLevel.General);
        Should.Throw<DomainRuleException>(() => hiddenDanger.Accept(null, Rectifier, null, Now));
        Should.Throw<DomainRuleException>(() => hiddenDanger.Accept(null, new HiddenDangerPerson(null, "张三"), null, Now));
        hiddenDanger.State.ShouldBe(HiddenDangerState.PendingAcceptance);
    }

    [Fact]
    public void Whoever_submitted_the_rectification_can_neither_accept_nor_reject_it()
    {
        var hiddenDanger = InState(HiddenDangerState.PendingAcceptance, HiddenDangerLevel.General);
        Should.Throw<DomainRuleException>(() => hiddenDanger.Accept(null, Manager, Manager, Now)).Message.ShouldBe(CoreText.Get("HiddenDanger.AccepterIsSubmitter"));
        Should.Throw<DomainRuleException>(() => hiddenDanger.RejectAcceptance("不合格", Manager, Manager, Now)).Message.ShouldBe(CoreText.Get("HiddenDanger.AccepterIsSubmitter"));
        hiddenDanger.Accept(null, new HiddenDangerPerson(Guid.NewGuid(), "王五"), Manager, Now);
        hiddenDanger.State.ShouldBe(HiddenDangerState.Accepted);
    }

    [Fact]
    public void Rectification_needs_an_after_photo_and_a_major_one_a_complete_plan()
    {
        Should.Throw<DomainRuleException>(() => InState(HiddenDangerState.Rectifying, HiddenDangerLevel.General).SubmitRectification("done", 0, null, Rectifier, Now));
        var major = InState(HiddenDangerState.Rectifying, HiddenDangerLevel.Major);
        var majorCase = MajorHiddenDangerCase.Open(major, Now);
        Should.Throw<DomainRuleException>(() => major.SubmitRectification("done", 1, majorCase, Rectifier, Now));
        majorCase.SavePlan(new RemediationPlan("a", "b", "c", "d", "e", "f", null, false), Now);
        major.SubmitRectification("done", 1, majorCase, Rectifier, Now);
        major.State.ShouldBe(HiddenDangerState.PendingAcceptance);
    }

    [Fact]
    public void A_major_one_needs_a_criterion_or_a_reason()
    {
        var report = new HiddenDangerReport("无报警", "可燃气体无检测报警", HiddenDangerLevel.Major, InspectionSource.Other, null, null, null);
        Should.Throw<DomainRuleException>(() => HiddenDanger.Report(Guid.NewGuid(), "370202", report, HiddenDangerOrigin.SelfReport, null, Manager, Now));
        var (graded, _) = HiddenDanger.Report(Guid.NewGuid(), "370202", report with { Grading = new MajorGrading([12], null) }, HiddenDangerOrigin.SelfReport, null, Manager, Now);
        graded.MajorCriterionNos.ShouldBe([12]);
        graded.MajorCriteriaVersion.ShouldBe("2017");
    }

    [Fact]
    public void A_major_one_graded_by_a_reason_alone_needs_no_criterion_list()
    {
        var report = new HiddenDangerReport("无报警", "可燃气体无检测报警", HiddenDangerLevel.Major, InspectionSource.Other, null, null, new MajorGrading(null, "涉及重点监管工艺", null));
        var (graded, _) = HiddenDanger.Report(Guid.NewGuid(), "370202", report, HiddenDangerOrigin.SelfReport, null, Manager, Now);
        (graded.MajorCriterionNos, graded.MajorReason).ShouldBe(([], "涉及重点监管工艺"));
    }

    [Fact]
    public void The_first_deadline_lies_within_a_year_of_confirmation()
    {
        var (lastDay, _) = Reported(HiddenDangerLevel.General);
        lastDay.Confirm(Confirmation(HiddenDangerLevel.General) with { Deadline = Today.AddDays(365) }, Rectifier, Today, Manager, Now);
        lastDay.Deadline.ShouldBe(Today.AddDays(365));

        var (tooFar, _) = Reported(HiddenDangerLevel.General);
        Should.Throw<DomainRuleException>(() => tooFar.Confirm(Confirmation(HiddenDangerLevel.General) with { Deadline = new DateOnly(9999, 12, 31) }, Rectifier, Today, Manager, Now))
            .Message.ShouldBe(CoreText.Get("HiddenDanger.DeadlineTooFar", 365));
        tooFar.State.ShouldBe(HiddenDangerState.PendingConfirmation);
    }

    [Fact]
    public void Overdue_is_derived_from_the_deadline_and_the_open_state()
    {
        var hiddenDanger = InState(HiddenDangerState.Rectifying, HiddenDangerLevel.General);
        hiddenDanger.IsOverdueOn(Today.AddDays(7)).ShouldBeFalse();
        hiddenDanger.IsOverdueOn(Today.AddDays(8)).ShouldBeTrue();
        InState(HiddenDangerState.Accepted, HiddenDangerLevel.General).IsOverdueOn(Today.AddDays(30)).ShouldBeFalse();
    }

    private static HiddenDangerConfirmation Confirmation(HiddenDangerLevel level) =>
        new(level, HiddenDangerCategory.Equipment, Today.AddDays(7), null, null, null, null, null, level == HiddenDangerLevel.Major ? new MajorGrading([12], null) : null);

    private static (HiddenDanger HiddenDanger, HiddenDangerHistoryEntry Entry) Reported(HiddenDangerLevel level) =>
        HiddenDanger.Report(
            Guid.NewGuid(), "370202",
            new HiddenDangerReport("法兰泄漏", "罐区法兰轻微泄漏", level, InspectionSource.Routine, "罐区", null, level == HiddenDangerLevel.Major ? new MajorGrading([12], null) : null),
            HiddenDangerOrigin.SelfReport, null, Manager, Now);

    /// <summary>A confirmed hidden danger placed in <paramref name="state"/>; reflection stands in for the steps leading there, which other tests walk.</summary>
    private static HiddenDanger InState(HiddenDangerState state, HiddenDangerLevel level)
    {
        var (hiddenDanger, _) = Reported(level);
        hiddenDanger.Confirm(Confirmation(level), Rectifier, Today, Manager, Now);
        typeof(HiddenDanger).GetProperty(nameof(HiddenDanger.State))!.SetValue(hiddenDanger, state);
        return hiddenDanger;
    }

    private static void Attempt(HiddenDanger hiddenDanger, HiddenDangerAction action)
    {
        switch (action)
        {
            case HiddenDangerAction.Register:
                hiddenDanger.Register(null, Manager, Now);
                break;
            case HiddenDangerAction.Confirm:
                hiddenDanger.Confirm(Confirmation(hiddenDanger.Level), Rectifier, Today, Manager, Now);
                break;
            case HiddenDangerAction.Invalidate:
                hiddenDanger.Invalidate("不是隐患", Manager, Now);
                break;
            case HiddenDangerAction.SubmitRectification:
                hiddenDanger.SubmitRectification("done", 1, MajorHiddenDangerCase.Open(hiddenDanger, Now), Rectifier, Now);
                break;
            case HiddenDangerAction.Accept:
                hiddenDanger.Accept(null, Manager, null, Now);
                break;
            case HiddenDangerAction.RejectAcceptance:
                hiddenDanger.RejectAcceptance("不合格", Manager, null, Now);
                break;
            case HiddenDangerAction.RequestExtension:
                hiddenDanger.RequestExtension(Today.AddDays(30), "备件未到", false, Rectifier, Now);
                break;
            case HiddenDangerAction.DecideExtension:
                var (request, _) = InState(HiddenDangerState.Rectifying, hiddenDanger.Level).RequestExtension(Today.AddDays(30), "备件未到", false, Rectifier, Now);
                hiddenDanger.DecideExtension(request, true, null, Manager, Now);
                break;
            case HiddenDangerAction.FixOnSpot:
                hiddenDanger.FixOnSpot("当场紧固", Rectifier, Manager, null, Now);
                break;
            case HiddenDangerAction.CloseOut:
                hiddenDanger.CloseOut(Manager, Now);
                break;
            case HiddenDangerAction.SaveRemediationPlan or HiddenDangerAction.RecordWorkersCongressReport or HiddenDangerAction.Post or HiddenDangerAction.AddPhoto:
                hiddenDanger.RecordCaseStep(action, Manager, null, Now);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
