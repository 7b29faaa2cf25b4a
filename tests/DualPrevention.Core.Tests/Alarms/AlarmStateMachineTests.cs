using DualPrevention.Core.Alarms;

namespace DualPrevention.Core.Tests.Alarms;

/// <summary>The life-cycle (docs/domain/alarms.md#1-states, ADR 0037) as a table: every action from every status is either a transition written there or refused.</summary>
public class AlarmStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Enterprise = Guid.NewGuid();
    private static readonly Guid Zone = Guid.NewGuid();
    private static readonly AlarmActor Duty = new(Guid.NewGuid(), "值班员");
    private static readonly AlarmActor Worker = new(Guid.NewGuid(), "维修工");

    /// <summary>The spec's start states per action, written out independently of the production table.</summary>
    private static readonly Dictionary<AlarmAction, AlarmStatus[]> Spec = new()
    {
        [AlarmAction.Merged] = [AlarmStatus.New],
        [AlarmAction.Confirmed] = [AlarmStatus.New],
        [AlarmAction.MarkedFalse] = [AlarmStatus.New, AlarmStatus.Confirmed],
        [AlarmAction.Dispatched] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
        [AlarmAction.Resolved] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
        [AlarmAction.ConvertedToHiddenDanger] = [AlarmStatus.Confirmed, AlarmStatus.Dispatched],
    };

    /// <summary>What each action leads to.</summary>
    private static readonly Dictionary<AlarmAction, AlarmStatus> Target = new()
    {
        [AlarmAction.Merged] = AlarmStatus.Merged,
        [AlarmAction.Confirmed] = AlarmStatus.Confirmed,
        [AlarmAction.MarkedFalse] = AlarmStatus.FalseAlarm,
        [AlarmAction.Dispatched] = AlarmStatus.Dispatched,
        [AlarmAction.Resolved] = AlarmStatus.Resolved,
        [AlarmAction.ConvertedToHiddenDanger] = AlarmStatus.ConvertedToHiddenDanger,
    };

    public static TheoryData<AlarmAction, AlarmStatus> EveryActionFromEveryStatus()
    {
        var data = new TheoryData<AlarmAction, AlarmStatus>();
        foreach (var action in Spec.Keys)
        {
            foreach (var status in Enum.GetValues<AlarmStatus>())
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Fact]
    public void The_production_table_is_the_spec()
    {
        Alarm.AllowedFrom.Keys.Order().ShouldBe(Spec.Keys.Order());
        foreach (var (action, from) in Spec)
        {
            Alarm.AllowedFrom[action].Order().ShouldBe(from.Order(), action.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionFromEveryStatus))]
    public void An_action_moves_from_the_states_of_the_spec_and_is_refused_from_every_other(AlarmAction action, AlarmStatus status)
    {
        var alarm = InStatus(status);
        if (Spec[action].Contains(status))
        {
            var step = Apply(alarm, action);
            alarm.Status.ShouldBe(Target[action]);
            (step.Action, step.FromStatus, step.ToStatus, step.AlarmId, step.At).ShouldBe((action, status, Target[action], alarm.Id, Now.AddMinutes(5)));
        }
        else
        {
            Should.Throw<DomainRuleException>(() => Apply(alarm, action));
            alarm.Status.ShouldBe(status);
        }
    }

    [Fact]
    public void A_raised_alarm_is_new_due_for_confirmation_within_its_minutes_and_recorded_as_raised()
    {
        var (alarm, step) = Raise("SOS-1");

        (alarm.Status, alarm.ConfirmDueAt, alarm.LastOccurredAt, alarm.IsOpen).ShouldBe((AlarmStatus.New, Now.AddMinutes(2), Now.AddMinutes(-1), true));
        (step.Action, step.FromStatus, step.ToStatus, step.ByUserId).ShouldBe((AlarmAction.Raised, null, AlarmStatus.New, null));
    }

    [Fact]
    public void A_merged_alarm_closes_and_the_open_one_counts_the_repeat_and_its_later_occurrence()
    {
        var (open, _) = Raise("SOS-1");
        var (repeat, _) = Raise("SOS-2", occurredAt: Now.AddMinutes(3));

        repeat.MergeInto(open, Now.AddMinutes(4));

        (repeat.Status, repeat.MergedIntoId, repeat.ClosedAt).ShouldBe((AlarmStatus.Merged, open.Id, Now.AddMinutes(4)));
        (open.Status, open.MergedCount, open.LastOccurredAt).ShouldBe((AlarmStatus.New, 1, Now.AddMinutes(3)));
    }

    [Fact]
    public void An_alarm_merges_only_into_an_open_alarm_of_the_same_subject()
    {
        var (open, _) = Raise("SOS-1");
        var (otherZone, _) = Raise("SOS-2", zone: Guid.NewGuid());
        Should.Throw<DomainRuleException>(() => otherZone.MergeInto(open, Now));

        var (closed, _) = Raise("SOS-3");
        closed.MarkFalse(FalseAlarmReason.Test, null, Duty, Now);
        var (late, _) = Raise("SOS-4");
        Should.Throw<DomainRuleException>(() => late.MergeInto(closed, Now));
    }

    [Fact]
    public void A_false_alarm_needs_a_note_when_its_reason_is_other_and_keeps_the_reason()
    {
        var (alarm, _) = Raise("SOS-1");
        Should.Throw<DomainRuleException>(() => alarm.MarkFalse(FalseAlarmReason.Other, "  ", Duty, Now));
        alarm.Status.ShouldBe(AlarmStatus.New);

        var step = alarm.MarkFalse(FalseAlarmReason.Other, " 保洁人员误触 ", Duty, Now);

        (alarm.FalseAlarmReason, alarm.Disposition, alarm.ReviewedAt, alarm.ClosedAt, step.Comment).ShouldBe((FalseAlarmReason.Other, "保洁人员误触", Now, Now, "保洁人员误触"));
    }

    [Fact]
    public void A_dispatch_needs_a_person_and_a_deadline_after_now()
    {
        var alarm = InStatus(AlarmStatus.Confirmed);
        Should.Throw<DomainRuleException>(() => alarm.Dispatch(new AlarmActor(null, ""), Now.AddHours(1), Duty, Now));
        Should.Throw<DomainRuleException>(() => alarm.Dispatch(Worker, Now, Duty, Now));

        alarm.Dispatch(Worker, Now.AddHours(1), Duty, Now);

        (alarm.Status, alarm.DispatchedToUserId, alarm.DispatchedToName, alarm.DispatchDeadline).ShouldBe((AlarmStatus.Dispatched, Worker.UserId, Worker.Name, Now.AddHours(1)));
    }

    [Fact]
    public void A_resolution_needs_evidence_and_keeps_the_photo()
    {
        var alarm = InStatus(AlarmStatus.Dispatched);
        Should.Throw<DomainRuleException>(() => alarm.Resolve(" ", null, Worker, Now));
        var photo = Guid.NewGuid();

        alarm.Resolve("已关闭阀门并复测合格", photo, Worker, Now);

        (alarm.Status, alarm.Disposition, alarm.EvidencePhotoId, alarm.ClosedAt, alarm.IsOpen).ShouldBe((AlarmStatus.Resolved, "已关闭阀门并复测合格", photo, Now, false));
    }

    [Fact]
    public void A_conversion_keeps_the_hidden_dangers_id()
    {
        var alarm = InStatus(AlarmStatus.Confirmed);
        var hiddenDanger = Guid.NewGuid();

        alarm.ConvertToHiddenDanger(hiddenDanger, Duty, Now);

        (alarm.Status, alarm.HiddenDangerId, alarm.ClosedAt).ShouldBe((AlarmStatus.ConvertedToHiddenDanger, hiddenDanger, Now));
    }

    [Fact]
    public void Life_threatening_categories_are_confirmed_within_minutes_and_others_within_the_default()
    {
        var rules = new AlarmRules();
        rules.ConfirmMinutesOf("sos").ShouldBe(2);
        rules.ConfirmMinutesOf(AlarmCategories.LeakSpill).ShouldBe(3);
        rules.ConfirmMinutesOf(AlarmCategories.UnauthorizedEntry).ShouldBe(30);
        AlarmCategories.LifeThreatening.All(c => rules.ConfirmMinutesOf(c) <= 3).ShouldBeTrue();

        rules.ConfirmMinutes[AlarmCategories.Sos] = 0;
        rules.ConfirmMinutesOf(AlarmCategories.Sos).ShouldBe(1);
    }

    private static (Alarm Alarm, AlarmEvent Event) Raise(string sourceEventId, Guid? zone = null, DateTimeOffset? occurredAt = null) =>
        Alarm.Raise(
            Enterprise, "370202",
            new RaisedAlarm(AlarmSource.Positioning, sourceEventId, AlarmCategories.Sos, AlarmSeverity.Critical, occurredAt ?? Now.AddMinutes(-1), "一键报警", ZoneId: zone ?? Zone),
            TimeSpan.FromMinutes(new AlarmRules().ConfirmMinutesOf(AlarmCategories.Sos)),
            Now);

    private static Alarm InStatus(AlarmStatus status)
    {
        var (alarm, _) = Raise("E-" + status);
        switch (status)
        {
            case AlarmStatus.New:
                break;
            case AlarmStatus.Merged:
                alarm.MergeInto(Raise("OPEN-" + status).Alarm, Now);
                break;
            case AlarmStatus.Confirmed:
                alarm.Confirm(Duty, Now);
                break;
            case AlarmStatus.FalseAlarm:
                alarm.MarkFalse(FalseAlarmReason.Misdetection, null, Duty, Now);
                break;
            case AlarmStatus.Dispatched:
                alarm.Confirm(Duty, Now);
                alarm.Dispatch(Worker, Now.AddHours(2), Duty, Now);
                break;
            case AlarmStatus.Resolved:
                alarm.Confirm(Duty, Now);
                alarm.Resolve("现场已处置", null, Duty, Now);
                break;
            case AlarmStatus.ConvertedToHiddenDanger:
                alarm.Confirm(Duty, Now);
                alarm.ConvertToHiddenDanger(Guid.NewGuid(), Duty, Now);
                break;
        }

        return alarm;
    }

    private static AlarmEvent Apply(Alarm alarm, AlarmAction action)
    {
        var at = Now.AddMinutes(5);
        return action switch
        {
            AlarmAction.Merged => alarm.MergeInto(Raise("TARGET").Alarm, at),
            AlarmAction.Confirmed => alarm.Confirm(Duty, at),
            AlarmAction.MarkedFalse => alarm.MarkFalse(FalseAlarmReason.Test, null, Duty, at),
            AlarmAction.Dispatched => alarm.Dispatch(Worker, at.AddHours(1), Duty, at),
            AlarmAction.Resolved => alarm.Resolve("现场已处置", null, Duty, at),
            AlarmAction.ConvertedToHiddenDanger => alarm.ConvertToHiddenDanger(Guid.NewGuid(), Duty, at),
            AlarmAction.Raised or AlarmAction.Escalated => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a transition of the entity."),
        };
    }
}
