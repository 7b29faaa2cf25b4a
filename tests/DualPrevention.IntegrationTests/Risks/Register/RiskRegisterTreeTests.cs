using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class RiskRegisterTreeTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_unit_takes_the_highest_level_of_its_events_and_an_object_the_highest_of_its_units()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        var tankFarm = await driver.CreateObjectAsync(admin, "T-LEVEL");
        var tank = await driver.CreateUnitAsync(admin, tankFarm, "1号储罐");
        var pump = await driver.CreateUnitAsync(admin, tankFarm, "装卸泵");
        var empty = await driver.CreateUnitAsync(admin, tankFarm, "待分析单元");
        await driver.CreateEventAsync(admin, tank, "储罐泄漏", 2, 4);
        await driver.CreateEventAsync(admin, tank, "储罐火灾", 3, 5);
        await driver.CreateEventAsync(admin, pump, "泵密封泄漏", 2, 2);

        var tree = await TreeAsync(driver, admin, new ListRiskRegister.Query(ObjectId: tankFarm));

        var node = tree.Objects.ShouldHaveSingleItem();
        node.Level.ShouldBe(RiskLevel.Significant);
        node.Units.Select(u => (u.Id, u.Level)).ShouldBe([(tank, RiskLevel.Significant), (pump, RiskLevel.Low), (empty, (RiskLevel?)null)]);
        var objectView = await driver.RunAsync<GetRiskAnalysisObject.Handler, GetRiskAnalysisObject.View>(admin, h => h.HandleAsync(tankFarm, default));
        objectView.Level.ShouldBe(RiskLevel.Significant);
    }

    [Fact]
    public async Task Filters_keep_the_matching_measures_with_their_ancestors_and_levels_still_count_every_event()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        var plant = await driver.CreateObjectAsync(admin, "T-FILTER", department: "生产部");
        var unit = await driver.CreateUnitAsync(admin, plant, "精馏塔");
        var major = await driver.CreateEventAsync(admin, unit, "塔顶超压爆炸", 4, 5);
        var low = await driver.CreateEventAsync(admin, unit, "保温层烫伤", 1, 2);
        await driver.CreateMeasureAsync(admin, major, "安全阀定期校验", MeasureClassify1.Maintenance, department: "设备部");
        await driver.CreateMeasureAsync(admin, major, "压力高高联锁", MeasureClassify1.Engineering);
        await driver.CreateMeasureAsync(admin, low, "佩戴隔热手套", MeasureClassify1.Emergency);

        var byClass = await TreeAsync(driver, admin, new ListRiskRegister.Query(ObjectId: plant, Classify1: MeasureClassify1.Maintenance));
        var byLevel = await TreeAsync(driver, admin, new ListRiskRegister.Query(ObjectId: plant, Level: RiskLevel.Low));
        var byDepartment = await TreeAsync(driver, admin, new ListRiskRegister.Query(Department: "设备部"));
        var bySearch = await TreeAsync(driver, admin, new ListRiskRegister.Query(Search: "隔热"));

        Measures(byClass).ShouldBe(["安全阀定期校验"]);
        byClass.Objects[0].Level.ShouldBe(RiskLevel.Major);
        Measures(byLevel).ShouldBe(["佩戴隔热手套"]);
        byLevel.Objects[0].Units[0].Level.ShouldBe(RiskLevel.Major, "the unit's level is that of all its events, not of the filtered ones");
        Measures(byDepartment).ShouldBe(["安全阀定期校验"]);
        Measures(bySearch).ShouldBe(["佩戴隔热手套"]);
        bySearch.TotalRows.ShouldBe(1);
    }

    [Fact]
    public async Task Pages_are_cut_by_measures_and_an_event_cut_in_two_heads_the_next_page_again()
    {
        await using var driver = new RegisterDriver(database);
        var admin = RegisterDriver.EnterpriseUser(database.Qd2);
        var plant = await driver.CreateObjectAsync(admin, "T-PAGE");
        var riskEvent = await driver.CreateEventAsync(admin, await driver.CreateUnitAsync(admin, plant, "加热炉"), "炉膛爆炸", 2, 5);
        foreach (var n in Enumerable.Range(1, 5))
        {
            await driver.CreateMeasureAsync(admin, riskEvent, $"措施{n}");
        }

        var first = await TreeAsync(driver, admin, new ListRiskRegister.Query(ObjectId: plant, PageSize: 3));
        var second = await TreeAsync(driver, admin, new ListRiskRegister.Query(ObjectId: plant, Page: 2, PageSize: 3));

        first.TotalRows.ShouldBe(5);
        Measures(first).ShouldBe(["措施1", "措施2", "措施3"]);
        Measures(second).ShouldBe(["措施4", "措施5"]);
        second.Objects[0].Units[0].Events[0].Id.ShouldBe(riskEvent);
    }

    [Fact]
    public async Task A_city_reviewer_reads_an_enterprise_of_its_city_but_not_one_of_another_city()
    {
        await using var driver = new RegisterDriver(database);
        var qd1 = RegisterDriver.EnterpriseUser(database.Qd1);
        var wf1 = RegisterDriver.EnterpriseUser(database.Wf1);
        await driver.CreateObjectAsync(qd1, "T-CITY-QD");
        await driver.CreateObjectAsync(wf1, "T-CITY-WF");
        var qingdao = RegisterDriver.Regulator("370200");

        var own = await TreeAsync(driver, qingdao, new ListRiskRegister.Query(EnterpriseId: database.Qd1));

        own.Objects.Select(o => o.Details.HazardCode).ShouldContain("T-CITY-QD");
        own.Objects.ShouldAllBe(o => o.Details.HazardCode != "T-CITY-WF");
        await Should.ThrowAsync<NotFoundException>(() => TreeAsync(driver, qingdao, new ListRiskRegister.Query(EnterpriseId: database.Wf1)));
        await Should.ThrowAsync<DomainRuleException>(() => TreeAsync(driver, qingdao, new ListRiskRegister.Query()));
    }

    [Fact]
    public async Task An_enterprise_user_naming_another_enterprise_gets_not_found()
    {
        await using var driver = new RegisterDriver(database);
        var inspector = RegisterDriver.EnterpriseUser(database.Qd1, Roles.Inspector);

        await Should.ThrowAsync<NotFoundException>(() => TreeAsync(driver, inspector, new ListRiskRegister.Query(EnterpriseId: database.Wf1)));
    }

    private static Task<ListRiskRegister.Result> TreeAsync(RegisterDriver driver, Actor actor, ListRiskRegister.Query query) =>
        driver.RunAsync<ListRiskRegister.Handler, ListRiskRegister.Result>(actor, h => h.HandleAsync(query, default));

    private static List<string> Measures(ListRiskRegister.Result tree) =>
        [.. tree.Objects.SelectMany(o => o.Units).SelectMany(u => u.Events).SelectMany(e => e.Measures).Select(m => m.Details.Description)];
}
