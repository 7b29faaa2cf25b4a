using DualPrevention.Core;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;
using static DualPrevention.Core.Risks.Register.SummarizeRiskLevels;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class SummarizeRiskLevelsTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    /// <summary>
    /// Qd2: object A with a major and a low unit, object B with a significant and an unassessed unit (its only
    /// event is deleted), object C without units. LS bands: R ≥ 20 重大, ≥ 15 较大, ≥ 9 一般, else 低.
    /// </summary>
    private async Task<HandBuiltRegister> BuildAsync()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd2);
        register
            .AnalysisObject("OBJ-A", "汽油罐区")
            .Unit("A1 汽油储罐").Event("储罐溢油引发火灾", "火灾", l: 5, s: 5).Event("人员中暑", "其他伤害", l: 3, s: 4)
            .Unit("A2 泵房").Event("机泵机械伤害", "机械伤害", l: 2, s: 4)
            .AnalysisObject("OBJ-B", "装车站")
            .Unit("B1 装车鹤位").Event("装车静电引发爆炸", "其他爆炸", l: 3, s: 5).Event("槽车溢流", "火灾", l: 3, s: 5).Event("高处坠落", "高处坠落", l: 1, s: 1)
            .Unit("B2 地磅房")
            .AnalysisObject("OBJ-C", "办公区");
        await register.SaveAsync();

        await using var db = database.OwnerContext(TenantScope.System);
        var deleted = RiskEvent.Create(register.EnterpriseId, "370214", register.Units["B2 地磅房"], "已删除的事件", null, database.Clock.GetUtcNow());
        var bands = await BandTables.InForceAsync(db, AssessmentMethod.LS, "370214", database.Clock.GetUtcNow(), CancellationToken.None);
        db.Add(deleted.Assess(new RiskAssessmentInput(AssessmentMethod.LS, 5, 5, null, null), bands, "test", database.Clock.GetUtcNow()));
        deleted.SoftDelete(database.Clock.GetUtcNow());
        db.Add(deleted);
        await db.SaveChangesAsync();
        return register;
    }

    private static async Task<Summary> SummarizeAsync(IServiceProvider services, TenantScope scope, Guid enterpriseId)
    {
        await using var serviceScope = services.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
        return await serviceScope.ServiceProvider.GetRequiredService<Handler>().HandleAsync(new Query(enterpriseId), CancellationToken.None);
    }

    [Fact]
    public async Task Counts_per_level_roll_up_from_events_to_units_to_objects_and_the_enterprise()
    {
        await BuildAsync();
        await using var services = database.CreateServices();

        var summary = await SummarizeAsync(services, TenantScope.ForEnterprise(database.Qd2), database.Qd2);

        summary.EnterpriseName.ShouldBe("青岛示范化工储运有限公司");
        summary.Events.ShouldBe(new LevelCounts(Major: 1, Significant: 2, General: 1, Low: 2));
        summary.Units.ShouldBe(new LevelCounts(Major: 1, Significant: 1, General: 0, Low: 1));
        summary.Objects.ShouldBe(new LevelCounts(Major: 1, Significant: 1, General: 0, Low: 0));

        summary.ObjectList.Select(o => (o.Code, o.Level)).ShouldBe([("OBJ-A", RiskLevel.Major), ("OBJ-B", RiskLevel.Significant), ("OBJ-C", (RiskLevel?)null)]);
        var a = summary.ObjectList[0];
        a.Events.ShouldBe(new LevelCounts(1, 0, 1, 1));
        a.Units.Select(u => (u.Name, u.Level, u.Events)).ShouldBe(
            [("A1 汽油储罐", RiskLevel.Major, new LevelCounts(1, 0, 1, 0)), ("A2 泵房", RiskLevel.Low, new LevelCounts(0, 0, 0, 1))]);
        var b = summary.ObjectList[1];
        b.Events.ShouldBe(new LevelCounts(0, 2, 0, 1));
        b.Units.Select(u => (u.Name, u.Level, u.Events.Total)).ShouldBe(
            [("B1 装车鹤位", RiskLevel.Significant, 3), ("B2 地磅房", (RiskLevel?)null, 0)]);
        summary.ObjectList[2].Units.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_enterprise_without_a_register_has_zero_everywhere()
    {
        await using var services = database.CreateServices();

        var summary = await SummarizeAsync(services, TenantScope.ForEnterprise(database.Wf1), database.Wf1);

        summary.Events.ShouldBe(LevelCounts.Zero);
        summary.ObjectList.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_tenants_overview_is_not_found()
    {
        await using var services = database.CreateServices();

        await Should.ThrowAsync<NotFoundException>(() => SummarizeAsync(services, TenantScope.ForEnterprise(database.Qd1), database.Qd2));
        await Should.ThrowAsync<NotFoundException>(() => SummarizeAsync(services, TenantScope.ForRegion("370700"), database.Qd2));
        (await SummarizeAsync(services, TenantScope.ForRegion("370200"), database.Qd2)).EnterpriseId.ShouldBe(database.Qd2);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, null)]
    [InlineData(0, 0, 0, 3, RiskLevel.Low)]
    [InlineData(0, 1, 5, 3, RiskLevel.Significant)]
    [InlineData(1, 0, 0, 0, RiskLevel.Major)]
    public void The_highest_level_with_a_count_is_the_level_of_the_whole(int major, int significant, int general, int low, RiskLevel? expected)
    {
        new LevelCounts(major, significant, general, low).Highest.ShouldBe(expected);
    }
}
