using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Risks.MajorHazards;

/// <summary>包保 tasks go to the source's person of their role (docs/domain/dual-prevention.md#510-accountability-tasks), and the 包保 view stays in its tenant.</summary>
public class AccountabilityAssignmentTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task Linking_a_source_assigns_its_units_accountability_tasks_and_a_new_person_takes_them_over()
    {
        var register = await (await HandBuiltRegister.ForAsync(database, database.Qd1)).AnalysisObject("MHS-ASSIGN", "包保罐区").Unit("包保罐组")
            .Event("超压", "爆炸", l: 2, s: 3)
            .Measure(InspectionWindowsBench.Accountability("主要负责人检查", InspectionTaskType.PrincipalResponsible, 1))
            .Measure(InspectionWindowsBench.Accountability("技术负责人检查", InspectionTaskType.TechnicalResponsible, 1))
            .Measure(InspectionWindowsBench.Accountability("操作负责人检查", InspectionTaskType.OperationalResponsible, 1))
            .Measure("日常巡检")
            .SaveAsync();
        await InspectionWindowsBench.GenerateAsync(database, database.Qd1);
        var people = await UsersAsync("demo-qd1-principal", "demo-qd1-technical", "demo-qd1-operator", "demo-qd1-inspector");
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        await using var driver = new RegisterDriver(database);
        var details = new MajorHazardSourceDetails("MHS-ASSIGN", "包保罐区", MajorHazardLevel.Level2, null, people[0], people[1], people[2]);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(admin, new(details), default));
        var objectId = await ObjectIdAsync("MHS-ASSIGN");

        (await AssigneesAsync(register)).ShouldAllBe(a => a.Value == null, "nothing is linked yet");
        await LinkAsync(driver, admin, objectId, sourceId);
        var linked = await AssigneesAsync(register);
        await driver.RunAsync<UpdateMajorHazardSource.Handler>(admin, h => h.HandleAsync(admin, new(sourceId, details with { OperationalResponsibleUserId = people[3] }), default));
        var changed = await AssigneesAsync(register);

        (linked["主要负责人检查"], linked["技术负责人检查"], linked["操作负责人检查"], linked["日常巡检"]).ShouldBe((people[0], people[1], people[2], null));
        (changed["操作负责人检查"], changed["主要负责人检查"]).ShouldBe((people[3], people[0]));
    }

    [Fact]
    public async Task Generation_gives_a_new_accountability_task_of_a_linked_unit_to_the_person_but_keeps_a_chosen_assignee()
    {
        var register = await (await HandBuiltRegister.ForAsync(database, database.Wf1)).AnalysisObject("MHS-GEN", "生成罐区").Unit("生成罐组")
            .Event("泄漏", "火灾", l: 2, s: 3)
            .Measure(InspectionWindowsBench.Accountability("操作负责人周检", InspectionTaskType.OperationalResponsible, 2))
            .SaveAsync();
        var people = await UsersAsync("demo-wf1-principal", "demo-wf1-technical", "demo-wf1-operator", "demo-wf1-inspector");
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        await using var driver = new RegisterDriver(database);
        var details = new MajorHazardSourceDetails("MHS-GEN", "生成罐区", MajorHazardLevel.Level1, null, people[0], people[1], people[2]);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(admin, h => h.HandleAsync(admin, new(details), default));
        await LinkAsync(driver, admin, await ObjectIdAsync("MHS-GEN"), sourceId);

        await InspectionWindowsBench.GenerateAsync(database, database.Wf1);
        var generated = await AssigneesAsync(register);
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var definition = await db.InspectionTaskDefinitions.SingleAsync(d => d.MeasureId == register.Measures["操作负责人周检"]);
            definition.Plan(new(definition.FirstStartAt, definition.Source, people[3], null), database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await InspectionWindowsBench.GenerateAsync(database, database.Wf1);

        generated["操作负责人周检"].ShouldBe(people[2]);
        (await AssigneesAsync(register))["操作负责人周检"].ShouldBe(people[3], "a safety officer's choice stays until the source's persons change");
    }

    [Fact]
    public async Task The_accountability_view_of_another_enterprises_source_is_not_found()
    {
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        await using var driver = new RegisterDriver(database);
        var sourceId = await driver.RunAsync<CreateMajorHazardSource.Handler, Guid>(
            admin, h => h.HandleAsync(admin, new(new MajorHazardSourceDetails("MHS-QD2", "储运罐区", MajorHazardLevel.Level3, null, null, null, null)), default));

        var own = await driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(admin, h => h.HandleAsync(sourceId, default));
        var city = await driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(
            RegisterDriver.Regulator("370200"), h => h.HandleAsync(sourceId, default));

        (own.Roles.Count, own.Roles[0].PersonName, own.Roles[0].Rate, own.Units.Count).ShouldBe((3, null, null, 0));
        city.SourceId.ShouldBe(sourceId);
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(
            RegisterDriver.EnterpriseUser(database.Wf1), h => h.HandleAsync(sourceId, default)));
        await Should.ThrowAsync<NotFoundException>(() => driver.RunAsync<GetMajorHazardAccountability.Handler, GetMajorHazardAccountability.Result>(
            RegisterDriver.Regulator("370700"), h => h.HandleAsync(sourceId, default)));
    }

    private static Task LinkAsync(RegisterDriver driver, Actor admin, Guid objectId, Guid sourceId) =>
        driver.RunAsync<UpdateRiskAnalysisObject.Handler>(admin, async h =>
        {
            var current = await driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(admin, g => g.HandleAsync(objectId, default));
            await h.HandleAsync(admin, new(objectId, current.Details with { MajorHazardSourceId = sourceId }), default);
        });

    private async Task<Guid> ObjectIdAsync(string code)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.RiskAnalysisObjects.Where(o => o.HazardCode == code).Select(o => o.Id).SingleAsync();
    }

    private async Task<List<Guid?>> UsersAsync(params string[] names)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var ids = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id);
        return [.. names.Select(n => (Guid?)ids[n])];
    }

    private async Task<Dictionary<string, Guid?>> AssigneesAsync(HandBuiltRegister register)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var byMeasure = register.Measures.ToDictionary(m => m.Value, m => m.Key);
        var ids = byMeasure.Keys.ToList();
        var definitions = await db.InspectionTaskDefinitions.Where(d => ids.Contains(d.MeasureId)).Select(d => new { d.MeasureId, d.AssigneeUserId }).ToListAsync();
        return definitions.ToDictionary(d => byMeasure[d.MeasureId], d => d.AssigneeUserId);
    }
}
