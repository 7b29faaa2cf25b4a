using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Alarms;

/// <summary>
/// The alarm centre on PostgreSQL (ADR 0037): one alarm per source event however often a feed retries, repeats of a
/// subject merged within the window, the life-cycle's steps kept as history rows nobody can change, conversion into a
/// hidden danger linked both ways, SLA escalation told once per step however often the job runs, and another
/// enterprise seeing none of it.
/// </summary>
public class AlarmCentreTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_retried_source_event_raises_one_alarm()
    {
        await using var services = database.CreateServices();
        var raised = Sos("IDEMP-1");

        var first = await RaiseAsync(services, database.Qd1, raised);
        var again = await RaiseAsync(services, database.Qd1, raised);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RaiseAsync(services, database.Qd1, Sos("IDEMP-2"))));

        first.Outcome.ShouldBe(RaiseAlarm.Outcome.Raised);
        (again.AlarmId, again.Outcome).ShouldBe((first.AlarmId, RaiseAlarm.Outcome.Repeated));
        concurrent.Select(r => r.AlarmId).Distinct().Count().ShouldBe(1);
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Set<Alarm>().CountAsync(a => a.SourceEventId.StartsWith("IDEMP-"))).ShouldBe(2);
        (await db.Set<AlarmEvent>().CountAsync(e => e.AlarmId == first.AlarmId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_repeat_of_the_same_subject_within_the_window_merges_and_one_after_it_or_elsewhere_opens_a_new_alarm()
    {
        await using var services = database.CreateServices();
        var zone = Guid.NewGuid();
        var now = database.Clock.GetUtcNow();

        var open = await RaiseAsync(services, database.Qd1, Sos("DEDUP-1", zone, now));
        var repeat = await RaiseAsync(services, database.Qd1, Sos("DEDUP-2", zone, now.AddMinutes(9)));
        var elsewhere = await RaiseAsync(services, database.Qd1, Sos("DEDUP-3", Guid.NewGuid(), now.AddMinutes(9)));
        var otherEnterprise = await RaiseAsync(services, database.Qd2, Sos("DEDUP-4", zone, now.AddMinutes(9)));
        var later = await RaiseAsync(services, database.Qd1, Sos("DEDUP-5", zone, now.AddMinutes(30)));

        (repeat.Outcome, repeat.OpenAlarmId).ShouldBe((RaiseAlarm.Outcome.Merged, open.AlarmId));
        new[] { elsewhere.Outcome, otherEnterprise.Outcome, later.Outcome }.ShouldAllBe(o => o == RaiseAlarm.Outcome.Raised);
        var details = await ReadAsync(services, EnterpriseActor(database.Qd1), open.AlarmId);
        (details.Status, details.MergedCount).ShouldBe((AlarmStatus.New, 1));
        var merged = await ReadAsync(services, EnterpriseActor(database.Qd1), repeat.AlarmId);
        (merged.Status, merged.MergedIntoId).ShouldBe((AlarmStatus.Merged, open.AlarmId));
        merged.History.Select(s => s.Action).ShouldBe([AlarmAction.Raised, AlarmAction.Merged]);
    }

    [Fact]
    public async Task A_confirmed_alarm_is_dispatched_and_resolved_with_every_step_in_its_history_naming_who_and_when()
    {
        await using var services = database.CreateServices();
        var duty = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var alarm = (await RaiseAsync(services, database.Qd1, Sos("LOOP-1"))).AlarmId;

        await RunAsync<ConfirmAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm), default));
        var refusal = await Should.ThrowAsync<ValidationException>(() => RunAsync<DispatchAlarm.Handler>(services, duty,
            h => h.HandleAsync(duty, new(alarm, Guid.Empty, database.Clock.GetUtcNow().AddHours(1)), default)));
        refusal.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(DispatchAlarm.Command.AssigneeUserId));
        await RunAsync<DispatchAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm, duty.Scope.UserId!.Value, database.Clock.GetUtcNow().AddHours(1)), default));
        await Should.ThrowAsync<ValidationException>(() => RunAsync<ResolveAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm, "", null), default)));
        await RunAsync<ResolveAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm, "已到场确认，人员安全", null), default));
        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<ConfirmAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm), default)));

        var details = await ReadAsync(services, duty, alarm);
        (details.Status, details.Disposition, details.DispatchedToName).ShouldBe((AlarmStatus.Resolved, "已到场确认，人员安全", "青岛企业管理员"));
        details.History.Select(s => (s.Action, s.ToStatus)).ShouldBe([
            (AlarmAction.Raised, AlarmStatus.New), (AlarmAction.Confirmed, AlarmStatus.Confirmed),
            (AlarmAction.Dispatched, AlarmStatus.Dispatched), (AlarmAction.Resolved, AlarmStatus.Resolved)]);
        details.History.Skip(1).ShouldAllBe(s => s.ByName == "青岛企业管理员" && s.At == database.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_false_alarm_needs_its_reason_and_an_inspector_may_not_handle_alarms()
    {
        await using var services = database.CreateServices();
        var duty = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var alarm = (await RaiseAsync(services, database.Qd1, Sos("FALSE-1"))).AlarmId;

        var refusal = await Should.ThrowAsync<ValidationException>(() => RunAsync<MarkAlarmFalse.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm, FalseAlarmReason.Other, null), default)));
        refusal.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(MarkAlarmFalse.Command.Note));
        var inspector = EnterpriseActor(database.Qd1, Roles.Inspector);
        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<ConfirmAlarm.Handler>(services, inspector, h => h.HandleAsync(inspector, new(alarm), default)));
        await RunAsync<MarkAlarmFalse.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm, FalseAlarmReason.Test, null), default));

        var details = await ReadAsync(services, duty, alarm);
        (details.Status, details.FalseAlarmReason).ShouldBe((AlarmStatus.FalseAlarm, FalseAlarmReason.Test));
    }

    [Fact]
    public async Task A_confirmed_alarm_converts_into_a_pre_filled_hidden_danger_linked_both_ways()
    {
        await using var services = database.CreateServices();
        var duty = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var alarm = (await RaiseAsync(services, database.Qd1, Sos("CONVERT-1") with { Category = AlarmCategories.LeakSpill, Summary = "罐区北侧可燃气体泄漏" })).AlarmId;
        await RunAsync<ConfirmAlarm.Handler>(services, duty, h => h.HandleAsync(duty, new(alarm), default));

        var draft = await RunAsync<ConvertAlarmToHiddenDanger.Handler, HiddenDangerReport>(services, duty, h => h.DraftAsync(alarm, default));
        var hiddenDanger = await RunAsync<ConvertAlarmToHiddenDanger.Handler, Guid>(services, duty, h => h.HandleAsync(duty, new(alarm, draft), default));

        draft.Name.ShouldBe("罐区北侧可燃气体泄漏");
        draft.Description.ShouldContain(AlarmCategories.Name(AlarmCategories.LeakSpill, System.Globalization.CultureInfo.CurrentUICulture));
        draft.Description.ShouldNotContain(AlarmCategories.LeakSpill);
        (await ReadAsync(services, duty, alarm)).ShouldSatisfyAllConditions(
            d => d.Status.ShouldBe(AlarmStatus.ConvertedToHiddenDanger),
            d => d.HiddenDangerId.ShouldBe(hiddenDanger));
        (await RunAsync<GetAlarm.Handler, Guid?>(services, duty, h => h.OfHiddenDangerAsync(hiddenDanger, default))).ShouldBe(alarm);
        await using var db = database.OwnerContext(TenantScope.System);
        var opened = await db.HiddenDangers.SingleAsync(h => h.Id == hiddenDanger);
        (opened.Origin, opened.State, opened.Name).ShouldBe((HiddenDangerOrigin.Alarm, HiddenDangerState.PendingConfirmation, "罐区北侧可燃气体泄漏"));
        await Should.ThrowAsync<DomainRuleException>(() => RunAsync<ConvertAlarmToHiddenDanger.Handler, Guid>(services, duty, h => h.HandleAsync(duty, new(alarm, draft), default)));
    }

    [Fact]
    public async Task An_unconfirmed_sos_is_told_to_the_duty_roles_then_the_city_bureau_once_per_step_however_often_the_job_runs()
    {
        await using var services = database.CreateServices();
        var alarm = (await RaiseAsync(services, database.Qd1, Sos("SLA-1"))).AlarmId;
        var link = $"alarms/{alarm}";

        await EscalateAsync(services);
        (await NotificationsAsync(link)).ShouldBeEmpty();

        database.Clock.Advance(TimeSpan.FromMinutes(2));
        await EscalateAsync(services);
        await EscalateAsync(services);
        var dutyNotices = await NotificationsAsync(link);
        dutyNotices.ShouldNotBeEmpty();
        dutyNotices.ShouldAllBe(n => n.EnterpriseId == database.Qd1 && n.TemplateKey == AlarmEscalatedNotice.Key);
        dutyNotices.Select(n => n.RecipientUserId).ShouldBeUnique();

        database.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(EscalateAsync(services), EscalateAsync(services));
        await EscalateAsync(services);
        var allNotices = await NotificationsAsync(link);
        await using var db = database.OwnerContext(TenantScope.System);
        var cityReviewer = await db.Users.Where(u => u.UserName == "qingdao").Select(u => u.Id).SingleAsync();
        allNotices.Count(n => n.RecipientUserId == cityReviewer).ShouldBe(1);
        allNotices.Count.ShouldBe(dutyNotices.Count + 1);
        var stored = await db.Set<Alarm>().SingleAsync(a => a.Id == alarm);
        (stored.Status, stored.EscalationLevel).ShouldBe((AlarmStatus.New, 2));
        (await db.Set<AlarmEvent>().CountAsync(e => e.AlarmId == alarm && e.Action == AlarmAction.Escalated)).ShouldBe(2);
        Notices.Render(allNotices[0].TemplateKey, allNotices[0].Arguments, new System.Globalization.CultureInfo("zh-CN")).Body.ShouldContain("报警“一键报警”已超过");
        Notices.Render(allNotices[0].TemplateKey, allNotices[0].Arguments, new System.Globalization.CultureInfo("en")).Body.ShouldContain("the SOS alarm has not been confirmed");
    }

    [Fact]
    public async Task Another_enterprise_sees_none_of_the_alarms_and_cannot_act_on_them_and_history_rows_are_never_changed()
    {
        await using var services = database.CreateServices();
        var alarm = (await RaiseAsync(services, database.Wf1, Sos("RLS-1"))).AlarmId;
        var foreignDuty = EnterpriseActor(database.Qd2);

        await Should.ThrowAsync<NotFoundException>(() => ReadAsync(services, foreignDuty, alarm));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<ConfirmAlarm.Handler>(services, foreignDuty, h => h.HandleAsync(foreignDuty, new(alarm), default)));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<ConvertAlarmToHiddenDanger.Handler, HiddenDangerReport>(services, foreignDuty, h => h.DraftAsync(alarm, default)));
        await using (var other = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "other")))
        {
            (await other.Set<Alarm>().IgnoreQueryFilters().CountAsync(a => a.EnterpriseId == database.Wf1)).ShouldBe(0);
            (await other.Set<AlarmEvent>().IgnoreQueryFilters().CountAsync(e => e.EnterpriseId == database.Wf1)).ShouldBe(0);
        }

        await using var owner = database.OwnerContext(TenantScope.System);
        var error = await Should.ThrowAsync<PostgresException>(() => owner.Database.ExecuteSqlAsync($"UPDATE alarm_event SET by_name = 'someone else' WHERE alarm_id = {alarm}"));
        error.SqlState.ShouldBe("P0001");
    }

    [Fact]
    public async Task A_raise_names_the_field_it_refuses()
    {
        await using var services = database.CreateServices();
        var refusal = await Should.ThrowAsync<ValidationException>(() => RaiseAsync(services, database.Qd1, Sos("") with { OccurredAt = new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero) }));
        refusal.Errors.Select(e => e.PropertyName).Order().ShouldBe([nameof(RaisedAlarm.OccurredAt), nameof(RaisedAlarm.SourceEventId)]);
    }

    private RaisedAlarm Sos(string sourceEventId, Guid? zone = null, DateTimeOffset? occurredAt = null) =>
        new(AlarmSource.Positioning, sourceEventId, AlarmCategories.Sos, AlarmSeverity.Critical, occurredAt ?? database.Clock.GetUtcNow(), "一键报警：张三", ZoneId: zone ?? Guid.NewGuid());

    private static Task<RaiseAlarm.Result> RaiseAsync(ServiceProvider services, Guid enterpriseId, RaisedAlarm raised) =>
        RunAsync<RaiseAlarm.Handler, RaiseAlarm.Result>(services, new Actor(TenantScope.System, new HashSet<string>()), h => h.HandleAsync(new(enterpriseId, raised), default));

    private static Task<EscalateUnconfirmedAlarms.Result> EscalateAsync(ServiceProvider services) =>
        RunAsync<EscalateUnconfirmedAlarms.Handler, EscalateUnconfirmedAlarms.Result>(services, new Actor(TenantScope.System, new HashSet<string>()), h => h.HandleAsync(default));

    private static Task<GetAlarm.Details> ReadAsync(ServiceProvider services, Actor actor, Guid alarm) =>
        RunAsync<GetAlarm.Handler, GetAlarm.Details>(services, actor, h => h.HandleAsync(alarm, default));

    private async Task<List<Notification>> NotificationsAsync(string link)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<Notification>().Where(n => n.Link == link).OrderBy(n => n.CreatedAt).ToListAsync();
    }

    private async Task<Actor> AccountActorAsync(Guid enterpriseId, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private static Actor EnterpriseActor(Guid enterpriseId, string role = Roles.EnterpriseAdmin) =>
        new(TenantScope.ForEnterprise(enterpriseId, Guid.NewGuid(), "tester"), new HashSet<string> { role });

    private static async Task<TResult> RunAsync<THandler, TResult>(ServiceProvider services, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static async Task RunAsync<THandler>(ServiceProvider services, Actor actor, Func<THandler, Task> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
