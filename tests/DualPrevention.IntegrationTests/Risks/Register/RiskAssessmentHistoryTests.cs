using DualPrevention.Core;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class RiskAssessmentHistoryTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_new_event_is_graded_from_its_inputs_and_starts_its_history()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1, userName: "demo-qd1-admin");
        var unit = await driver.CreateUnitAsync(admin, await driver.CreateObjectAsync(admin, "H-NEW"), "储罐");

        var id = await driver.CreateEventAsync(admin, unit, "储罐泄漏引发火灾", 3, 5);

        var view = await driver.RunAsync<GetRiskEvent.Handler, GetRiskEvent.View>(admin, h => h.HandleAsync(id, default));
        view.Score.ShouldBe(15m);
        view.Level.ShouldBe(RiskLevel.Significant);
        var history = await driver.RunAsync<GetRiskEventAssessments.Handler, IReadOnlyList<GetRiskEventAssessments.Row>>(admin, h => h.HandleAsync(id, default));
        var first = history.ShouldHaveSingleItem();
        first.AssessedBy.ShouldBe("demo-qd1-admin");
        first.Input.ShouldBe(new RiskAssessmentInput(AssessmentMethod.LS, 3, 5, null, null));
        first.BandTableRegionCode.ShouldBe(SeedRiskBandTables.ProvinceCode);
    }

    [Fact]
    public async Task Renaming_an_event_writes_no_assessment_but_changed_inputs_do()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd1);
        var unit = await driver.CreateUnitAsync(admin, await driver.CreateObjectAsync(admin, "H-HIST"), "反应釜");
        var id = await driver.CreateEventAsync(admin, unit, "反应失控", 2, 4);

        var renamed = await UpdateAsync(driver, admin, id, new RiskEventDetails("反应釜反应失控", "爆炸", new RiskAssessmentInput(AssessmentMethod.LS, 2, 4, 10, 100)));
        var reassessed = await UpdateAsync(driver, admin, id, new RiskEventDetails("反应釜反应失控", "爆炸", new RiskAssessmentInput(AssessmentMethod.LEC, 6, null, 6, 15)));

        renamed.ShouldBeFalse("leftover E and C do not belong to LS and are no change");
        reassessed.ShouldBeTrue();
        var history = await driver.RunAsync<GetRiskEventAssessments.Handler, IReadOnlyList<GetRiskEventAssessments.Row>>(admin, h => h.HandleAsync(id, default));
        history.Count.ShouldBe(2);
        history[0].Input.Method.ShouldBe(AssessmentMethod.LEC);
        history[0].Score.ShouldBe(540m);
        history[0].Level.ShouldBe(RiskLevel.Major);
        history[1].Level.ShouldBe(RiskLevel.Low);
    }

    [Fact]
    public async Task A_new_band_table_version_applies_to_new_assessments_only()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Wf1);
        var unit = await driver.CreateUnitAsync(admin, await driver.CreateObjectAsync(admin, "H-BAND"), "装车站");
        var kept = await driver.CreateEventAsync(admin, unit, "装车泄漏", 2, 5);
        var province = RegisterDriver.Regulator("370000", Core.Accounts.Roles.ProvinceStaff);

        // Weifang adopts variant (b) of docs/domain/dual-prevention.md#43-ls-bands: 20–25 / 9–16 / 4–8 / 1–3, so 10
        // becomes 较大.
        await driver.RunAsync<CreateRiskBandTableVersion.Handler, Guid>(province, h => h.HandleAsync(province, new CreateRiskBandTableVersion.Command(
            "370700", AssessmentMethod.LS, [new(RiskLevel.Major, 20, true), new(RiskLevel.Significant, 9, true), new(RiskLevel.General, 4, true)]), default));
        var fresh = await driver.CreateEventAsync(admin, unit, "装车静电", 2, 5);
        await UpdateAsync(driver, admin, kept, new RiskEventDetails("装车泄漏", "火灾", new RiskAssessmentInput(AssessmentMethod.LS, 2, 5, null, null)));

        (await LevelAsync(driver, admin, kept)).ShouldBe(RiskLevel.General);
        (await LevelAsync(driver, admin, fresh)).ShouldBe(RiskLevel.Significant);
        var qingdao = RegisterDriver.EnterpriseUser(database.Qd2);
        var elsewhere = await driver.CreateEventAsync(qingdao, await driver.CreateUnitAsync(qingdao, await driver.CreateObjectAsync(qingdao, "H-BAND"), "罐区"), "泄漏", 2, 5);
        (await LevelAsync(driver, qingdao, elsewhere)).ShouldBe(RiskLevel.General, "Qingdao stays on the province table");
    }

    [Fact]
    public async Task Band_tables_are_issued_only_by_the_province_for_its_own_region_and_never_backdated()
    {
        await using var driver = new RegisterDriver(database);
        var reviewer = RegisterDriver.Regulator("370200");
        var province = RegisterDriver.Regulator("370000", Core.Accounts.Roles.ProvinceStaff);
        var bands = RiskBandTable.DefaultLec.ToList();

        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<CreateRiskBandTableVersion.Handler, Guid>(reviewer, h =>
            h.HandleAsync(reviewer, new CreateRiskBandTableVersion.Command("370200", AssessmentMethod.LEC, bands), default)));
        await Should.ThrowAsync<DomainRuleException>(() => driver.RunAsync<CreateRiskBandTableVersion.Handler, Guid>(province, h =>
            h.HandleAsync(province, new CreateRiskBandTableVersion.Command("370200", AssessmentMethod.LEC, bands, database.Clock.GetUtcNow().AddDays(-1)), default)));
        var id = await driver.RunAsync<CreateRiskBandTableVersion.Handler, Guid>(province, h =>
            h.HandleAsync(province, new CreateRiskBandTableVersion.Command("370000", AssessmentMethod.LEC, bands), default));

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.RiskBandTables.SingleAsync(t => t.Id == id)).Version.ShouldBe(2);
    }

    private static Task<bool> UpdateAsync(RegisterDriver driver, Core.Accounts.Actor actor, Guid id, RiskEventDetails details) =>
        driver.RunAsync<UpdateRiskEvent.Handler, bool>(actor, h => h.HandleAsync(actor, new UpdateRiskEvent.Command(id, details), default));

    private static async Task<RiskLevel> LevelAsync(RegisterDriver driver, Core.Accounts.Actor actor, Guid id) =>
        (await driver.RunAsync<GetRiskEvent.Handler, GetRiskEvent.View>(actor, h => h.HandleAsync(id, default))).Level;
}
