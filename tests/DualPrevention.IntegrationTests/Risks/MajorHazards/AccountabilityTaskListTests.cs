using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.ToDos;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Risks.MajorHazards;

/// <summary>
/// Each person of a major hazard source gets their 包保 task list (docs/domain/dual-prevention.md#510-accountability-tasks,
/// ADR 0031): per role its items and frequency, once, re-synced, and following the person.
/// </summary>
public class AccountabilityTaskListTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Each_person_gets_the_items_of_their_role_at_the_frequency_of_the_role()
    {
        var (sourceId, people, admin) = await LinkedSourceAsync(database.Qd1, "MHS-LIST", "qd1");
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);

        var view = await ViewAsync(admin, sourceId);

        foreach (var role in view.Roles)
        {
            var expected = AccountabilityTaskList.Of(role.TaskType).ToList();
            role.Tasks.Select(t => t.ItemNo).ShouldBe(expected.Select(i => (short?)i.No), ignoreOrder: true);
            role.Tasks.ShouldAllBe(t => t.AssigneeName == role.PersonName);
        }

        var byRole = view.Roles.ToDictionary(r => r.TaskType);
        byRole[InspectionTaskType.PrincipalResponsible].Tasks.ShouldAllBe(t => t.CycleValue == 3 && t.CycleUnit == CycleUnit.Month);
        byRole[InspectionTaskType.TechnicalResponsible].Tasks.ShouldAllBe(t => t.CycleValue == 3 && t.CycleUnit == CycleUnit.Month);
        byRole[InspectionTaskType.OperationalResponsible].Tasks.ShouldAllBe(t => t.CycleValue == 7 && t.CycleUnit == CycleUnit.Day);
        byRole[InspectionTaskType.OperationalResponsible].Tasks.Count.ShouldBe(10);
        byRole[InspectionTaskType.PrincipalResponsible].PersonId.ShouldBe(people[0]);

        var operatorToDos = await ToDosAsync(Person(database.Qd1, people[2]!.Value, "demo-qd1-operator"));
        operatorToDos.Groups.Single(g => g.Kind == ToDoKind.ChecksDue).Count.ShouldBeGreaterThanOrEqualTo(10, "the weekly list is open on the to-do centre");
    }

    [Fact]
    public async Task Syncing_again_adds_nothing_keeps_a_hand_made_item_and_restores_a_changed_list_item()
    {
        var register = await (await HandBuiltRegister.ForAsync(database, database.Wf1)).AnalysisObject("MHS-SYNC", "同步罐区").Unit("同步罐组")
            .Event("泄漏", "火灾", l: 2, s: 3)
            .Measure(InspectionWindowsBench.Accountability("操作负责人自定检查", InspectionTaskType.OperationalResponsible, 1))
            .SaveAsync();
        var people = await UsersAsync("demo-wf1-principal", "demo-wf1-technical", "demo-wf1-operator");
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        await using var driver = new RegisterDriver(database);
        var details = new MajorHazardSourceDetails("MHS-SYNC", "同步罐区", MajorHazardLevel.Level2, null, people[0], people[1], people[2]);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(admin, new(details), default));
        await LinkAsync(driver, admin, register.Units["同步罐组"], sourceId);
        var first = await MeasuresAsync(register);
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var item2 = await db.ControlMeasures.SingleAsync(m => first.Contains(m.Id) && m.TaskType == InspectionTaskType.OperationalResponsible && m.AccountabilityItemNo == 2);
            item2.Update(item2.ToDetails() with { CycleValue = 30, InspectionContent = "旧清单内容" }, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h => h.HandleAsync(admin, new(sourceId, details), default));
        await driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h => h.HandleAsync(admin, new(sourceId, details), default));

        var again = await MeasuresAsync(register);
        again.ShouldBe(first, ignoreOrder: true);
        first.Count.ShouldBe(AccountabilityTaskList.Items.Count, "the hand-made item 1 stands for the list's item 1");
        await using var check = database.OwnerContext(TenantScope.System);
        var operational = await check.ControlMeasures.Where(m => again.Contains(m.Id) && m.TaskType == InspectionTaskType.OperationalResponsible).ToListAsync();
        operational.Where(m => m.AccountabilityItemNo == 1).Select(m => m.Description).ShouldBe(["操作负责人自定检查"]);
        var restored = operational.Single(m => m.AccountabilityItemNo == 2);
        (restored.CycleValue, restored.InspectionContent).ShouldBe((7, AccountabilityTaskList.Of(InspectionTaskType.OperationalResponsible).Single(i => i.No == 2).Content));
    }

    [Fact]
    public async Task A_new_person_takes_over_the_open_and_planned_windows_of_the_role()
    {
        var (sourceId, people, admin) = await LinkedSourceAsync(database.Qd2, "MHS-MOVE", "qd2");
        await InspectionWindowsBench.GenerateAsync(database, database.Qd2);
        var inspector = (await UsersAsync("demo-qd2-inspector"))[0];
        await using var driver = new RegisterDriver(database);

        var details = new MajorHazardSourceDetails("MHS-MOVE", "MHS-MOVE", MajorHazardLevel.Level1, null, people[0], people[1], inspector);
        await driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h => h.HandleAsync(admin, new(sourceId, details), default));

        await using var db = database.OwnerContext(TenantScope.System);
        var windows = await (
            from t in db.InspectionTasks
            join d in db.InspectionTaskDefinitions on t.DefinitionId equals d.Id
            join u in db.RiskAnalysisUnits on d.UnitId equals u.Id
            join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
            where o.MajorHazardSourceId == sourceId && t.TaskType == InspectionTaskType.OperationalResponsible
                  && (t.Status == InspectionTaskStatus.Open || t.Status == InspectionTaskStatus.Planned)
            select t.AssigneeUserId).ToListAsync();
        windows.Count.ShouldBeGreaterThanOrEqualTo(10);
        windows.ShouldAllBe(a => a == inspector, "the open windows follow the new operational person");
    }

    [Fact]
    public async Task A_source_of_one_enterprise_gives_no_task_to_another_and_its_view_is_not_found_there()
    {
        var (sourceId, _, _) = await LinkedSourceAsync(database.Wf1, "MHS-TENANT", "wf1");
        await InspectionWindowsBench.GenerateAsync(database, database.Wf1);

        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var enterprises = await db.ControlMeasures
                .Where(m => m.TaskType != InspectionTaskType.Routine)
                .Join(db.RiskEvents, m => m.EventId, e => e.Id, (m, e) => new { m.EnterpriseId, EventEnterprise = e.EnterpriseId })
                .ToListAsync();
            enterprises.ShouldAllBe(r => r.EnterpriseId == r.EventEnterprise);
        }

        await using var driver = new RegisterDriver(database);
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(
            RegisterDriver.EnterpriseUser(database.Qd1), h => h.HandleAsync(sourceId, default)));
        (await ViewAsync(RegisterDriver.Regulator("370700"), sourceId)).Roles.Sum(r => r.Tasks.Count).ShouldBe(AccountabilityTaskList.Items.Count);
    }

    [Fact]
    public async Task A_source_linked_before_its_unit_had_an_event_gets_its_lists_from_the_recurring_sync_once()
    {
        var register = await (await HandBuiltRegister.ForAsync(database, database.Qd2)).AnalysisObject("MHS-LATE", "后建罐区").Unit("后建罐组").SaveAsync();
        var people = await UsersAsync("demo-qd2-principal", "demo-qd2-technical", "demo-qd2-operator");
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        await using var driver = new RegisterDriver(database);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new(new MajorHazardSourceDetails("MHS-LATE", "后建罐区", MajorHazardLevel.Level3, null, people[0], people[1], people[2])), default));
        await LinkAsync(driver, admin, register.Units["后建罐组"], sourceId);
        (await MeasuresAsync(register)).ShouldBeEmpty("no event carries the list yet");

        await driver.CreateEventAsync(admin, register.Units["后建罐组"], "泄漏", 2, 3);
        var system = new Actor(TenantScope.System, new HashSet<string>());
        await driver.RunAsync<SyncAccountabilityTasks.Handler, int>(system, h => h.HandleAsync(default));
        var first = await MeasuresAsync(register);
        await driver.RunAsync<SyncAccountabilityTasks.Handler, int>(system, h => h.HandleAsync(default));

        first.Count.ShouldBe(AccountabilityTaskList.Items.Count);
        (await MeasuresAsync(register)).ShouldBe(first, ignoreOrder: true, "a second pass adds nothing");
    }

    private async Task<(Guid SourceId, List<Guid?> People, Actor Admin)> LinkedSourceAsync(Guid enterpriseId, string code, string enterpriseCode)
    {
        var register = await (await HandBuiltRegister.ForAsync(database, enterpriseId)).AnalysisObject(code, code).Unit(code + "罐组")
            .Event("泄漏", "火灾", l: 3, s: 4)
            .Measure("日常巡检")
            .SaveAsync();
        var people = await UsersAsync($"demo-{enterpriseCode}-principal", $"demo-{enterpriseCode}-technical", $"demo-{enterpriseCode}-operator");
        var admin = RegisterDriver.EnterpriseUser(enterpriseId);
        await using var driver = new RegisterDriver(database);
        var details = new MajorHazardSourceDetails(code, code, MajorHazardLevel.Level1, null, people[0], people[1], people[2]);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(admin, new(details), default));
        await LinkAsync(driver, admin, register.Units[code + "罐组"], sourceId);
        return (sourceId, people, admin);
    }

    private async Task LinkAsync(RegisterDriver driver, Actor admin, Guid unitId, Guid sourceId)
    {
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var objectId = await db.RiskAnalysisUnits.Where(u => u.Id == unitId).Select(u => u.ObjectId).SingleAsync();
            var current = await driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(admin, g => g.HandleAsync(objectId, default));
            await driver.RunAsync<UpdateRiskAnalysisObject.Handler>(admin, h => h.HandleAsync(admin, new(objectId, current.Details with { MajorHazardSourceId = sourceId }), default));
        }
    }

    private async Task<List<Guid>> MeasuresAsync(HandBuiltRegister register)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var unitIds = register.Units.Values.ToList();
        return await db.ControlMeasures.Join(db.RiskEvents, m => m.EventId, e => e.Id, (m, e) => new { m, e })
            .Where(x => unitIds.Contains(x.e.UnitId) && x.m.TaskType != InspectionTaskType.Routine).Select(x => x.m.Id).ToListAsync();
    }

    private async Task<GetMajorHazardAccountability.Result> ViewAsync(Actor actor, Guid sourceId)
    {
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(actor, h => h.HandleAsync(sourceId, default));
    }

    private async Task<ListMyToDos.ToDoList> ToDosAsync(Actor actor)
    {
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync<ListMyToDos.Handler, ListMyToDos.ToDoList>(actor, h => h.HandleAsync(actor, default));
    }

    private static Actor Person(Guid enterpriseId, Guid userId, string userName) =>
        new(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.Inspector });

    private async Task<List<Guid?>> UsersAsync(params string[] names)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var ids = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        return [.. names.Select(n => (Guid?)ids[n])];
    }
}
