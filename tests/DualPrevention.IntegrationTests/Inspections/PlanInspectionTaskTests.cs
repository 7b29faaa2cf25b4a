using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Inspections;

public class PlanInspectionTaskTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Replanning_drops_the_windows_not_done_and_the_next_run_makes_them_from_the_new_anchor_for_the_new_assignee()
    {
        var (unit, definition) = await TwoHourlyTaskAsync("计划单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1, Roles.SafetyOfficer);
        var person = await UserIdAsync("demo-qd1-inspector");

        var dropped = await driver.RunAsync<PlanInspectionTask.Handler, int>(actor, h => h.HandleAsync(
            actor, new(definition, new DateTime(2026, 11, 30, 1, 0, 0), InspectionSource.Seasonal, person, null), default));
        var kept = await InspectionWindowsBench.WindowsOfUnitAsync(database, unit);
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);
        var regenerated = (await InspectionWindowsBench.WindowsOfUnitAsync(database, unit)).Where(w => w.Status == InspectionTaskStatus.Planned).ToList();

        dropped.ShouldBe(12, "02:00 … 22:00 had not started, and 00:00 was running on the old anchor");
        kept.ShouldBeEmpty();
        regenerated.Count.ShouldBe(12, "01:00 … 23:00 from the new anchor");
        regenerated.ShouldAllBe(w => w.AssigneeUserId == person && BusinessTime.ToLocal(w.WindowStart).Hour % 2 == 1);
        var row = (await driver.RunAsync<ListInspectionTaskDefinitions.Handler, Paged<ListInspectionTaskDefinitions.Row>>(
            actor, h => h.HandleAsync(new(Search: "计划单元"), default))).Items.ShouldHaveSingleItem();
        row.Source.ShouldBe(InspectionSource.Seasonal);
        row.AssigneeName.ShouldNotBeNullOrEmpty();
        row.FirstStartAt.ShouldBe(new DateTimeOffset(2026, 11, 29, 17, 0, 0, TimeSpan.Zero), "2026-11-30 01:00 Beijing time");
    }

    [Fact]
    public async Task Replanning_a_definition_whose_window_has_started_leaves_one_open_window()
    {
        var (unit, definition) = await TwoHourlyTaskAsync("重排单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1, Roles.SafetyOfficer);

        // Sunday 23:00: the new schedule's window 23:00–01:00 covers now, as the old one's 00:00–02:00 does.
        await driver.RunAsync<PlanInspectionTask.Handler, int>(actor, h => h.HandleAsync(
            actor, new(definition, new DateTime(2026, 11, 29, 23, 0, 0), InspectionSource.Routine, null, null), default));
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);
        var now = database.Clock.GetUtcNow();
        var open = (await InspectionWindowsBench.WindowsOfUnitAsync(database, unit))
            .Where(w => InspectionTaskStates.Unfinished.Contains(w.Status) && w.WindowStart <= now && w.WindowEnd > now).ToList();

        open.ShouldHaveSingleItem().WindowStart.ShouldBe(new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero), "the new schedule's 23:00 window");
    }

    [Fact]
    public async Task Replanning_only_the_assignee_keeps_the_started_window()
    {
        var (unit, definition) = await TwoHourlyTaskAsync("换人单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1, Roles.SafetyOfficer);
        var before = (await InspectionWindowsBench.WindowsOfUnitAsync(database, unit)).Single(w => w.Status == InspectionTaskStatus.Open);
        var person = await UserIdAsync("demo-qd1-inspector");
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var anchor = await db.InspectionTaskDefinitions.Where(d => d.Id == definition).Select(d => d.FirstStartAt).SingleAsync();
            await driver.RunAsync<PlanInspectionTask.Handler, int>(actor, h => h.HandleAsync(
                actor, new(definition, BusinessTime.ToLocal(anchor).DateTime, InspectionSource.Routine, person, null), default));
        }

        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);

        (await InspectionWindowsBench.WindowsOfUnitAsync(database, unit)).Where(w => w.Status == InspectionTaskStatus.Open)
            .ShouldHaveSingleItem().Id.ShouldBe(before.Id);
    }

    [Fact]
    public async Task A_post_can_be_assigned_and_is_offered_afterwards()
    {
        var (_, definition) = await TwoHourlyTaskAsync("岗位单元");
        await using var driver = new RegisterDriver(database);
        var actor = RegisterDriver.EnterpriseUser(database.Qd1);

        await driver.RunAsync<PlanInspectionTask.Handler, int>(actor, h => h.HandleAsync(
            actor, new(definition, new DateTime(2026, 11, 30), InspectionSource.Routine, null, " 巡检岗 "), default));
        var assignees = await driver.RunAsync<ListInspectionAssignees.Handler, ListInspectionAssignees.Result>(actor, h => h.HandleAsync(default));

        assignees.Posts.ShouldContain("巡检岗");
        assignees.Persons.Select(p => p.DisplayName).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Both_a_person_and_a_post_a_foreign_person_an_inspector_and_another_enterprise_are_refused()
    {
        var (_, definition) = await TwoHourlyTaskAsync("拒绝计划");
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var own = await UserIdAsync("demo-qd1-inspector");
        var foreignPerson = await UserIdAsync("demo-wf1-inspector");
        var start = new DateTime(2026, 11, 30);

        var both = await Should.ThrowAsync<ValidationException>(() => driver.RunAsync<PlanInspectionTask.Handler, int>(admin, h => h.HandleAsync(
            admin, new(definition, start, InspectionSource.Routine, own, "岗位"), default)));
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<PlanInspectionTask.Handler, int>(admin, h => h.HandleAsync(
            admin, new(definition, start, InspectionSource.Routine, foreignPerson, null), default)));
        var inspector = RegisterDriver.EnterpriseUser(database.Qd1, Roles.Inspector);
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<PlanInspectionTask.Handler, int>(inspector, h => h.HandleAsync(
            inspector, new(definition, start, InspectionSource.Routine, null, null), default)));
        var wf1 = RegisterDriver.EnterpriseUser(database.Wf1);
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<PlanInspectionTask.Handler, int>(wf1, h => h.HandleAsync(
            wf1, new(definition, start, InspectionSource.Routine, null, null), default)));
        var wf1List = await driver.RunAsync<ListInspectionTaskDefinitions.Handler, Paged<ListInspectionTaskDefinitions.Row>>(wf1, h => h.HandleAsync(new(), default));

        both.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("AssigneePost");
        wf1List.TotalCount.ShouldBe(0);
    }

    private async Task<(Guid Unit, Guid Definition)> TwoHourlyTaskAsync(string name)
    {
        database.Clock.SetUtcNow(InspectionWindowsBench.MondayMidnight);
        var register = await (await HandBuiltRegister.ForAsync(database, database.Qd1)).AnalysisObject($"P-{name}", name).Unit(name).Event("泄漏", "火灾", l: 2, s: 3)
            .Measure(InspectionWindowsBench.EveryTwoHours($"{name}措施")).SaveAsync();
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);
        await using var db = database.OwnerContext(TenantScope.System);
        var unit = register.Units[name];
        return (unit, await db.InspectionTaskDefinitions.Where(d => d.UnitId == unit).Select(d => d.Id).SingleAsync());
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
