using DualPrevention.Core;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;
using static DualPrevention.Core.Risks.Register.GetRiskNotificationCard;

namespace DualPrevention.IntegrationTests.Risks.Register;

public class GetRiskNotificationCardTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static async Task<Card> CardAsync(IServiceProvider services, TenantScope scope, Guid unitId)
    {
        await using var serviceScope = services.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
        return await serviceScope.ServiceProvider.GetRequiredService<Handler>().HandleAsync(new Query(unitId), CancellationToken.None);
    }

    private static ControlMeasureDetails Emergency(string description) =>
        HandBuiltRegister.DailyCheck(description) with { Classify1 = MeasureClassify1.Emergency, Classify2 = "4-1" };

    [Fact]
    public async Task The_card_lists_events_by_level_with_their_measures_and_the_emergency_measures_apart()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Wf1);
        register
            .AnalysisObject("370772001", "光气化装置", department: "生产一部", liablePerson: "刘主任")
            .Unit("光气合成釜")
            .Event("反应失控导致光气泄漏", "中毒和窒息、其他爆炸", l: 3, s: 4)
            .Measure("温度压力联锁投用")
            .Measure(Emergency("应急洗消设施完好"))
            .Event("光气管线腐蚀泄漏", "中毒和窒息", l: 4, s: 5)
            .Measure("管线定期测厚")
            .Measure("有毒气体报警仪在线")
            .Measure(Emergency("配备正压式空气呼吸器"))
            .Measure(Emergency("应急洗消设施完好"));
        await register.SaveAsync();
        await using var services = database.CreateServices();

        var card = await CardAsync(services, TenantScope.ForEnterprise(database.Wf1), register.Units["光气合成釜"]);

        card.UnitName.ShouldBe("光气合成釜");
        card.ObjectName.ShouldBe("光气化装置");
        card.ObjectCode.ShouldBe("370772001");
        card.EnterpriseName.ShouldBe("潍坊示范化学有限公司");
        card.Level.ShouldBe(RiskLevel.Major);
        card.Department.ShouldBe("生产部", "the measures name it");
        card.LiablePerson.ShouldBe("张工");
        card.EmergencyPhone.ShouldBeNull();
        card.AccidentTypes.ShouldBe(["中毒和窒息", "其他爆炸"]);
        card.Events.Select(e => (e.Name, e.Level)).ShouldBe([("光气管线腐蚀泄漏", RiskLevel.Major), ("反应失控导致光气泄漏", RiskLevel.General)]);
        card.Events[0].Measures.ShouldBe(["有毒气体报警仪在线", "管线定期测厚"], ignoreOrder: true);
        card.Events[1].Measures.ShouldBe(["温度压力联锁投用"]);
        card.EmergencyMeasures.ShouldBe(["应急洗消设施完好", "配备正压式空气呼吸器"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_responsible_department_and_person_are_those_the_units_measures_name()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Wf1);
        register
            .AnalysisObject("WF1-CARD-MEASURES", "压缩机厂房", department: "生产一部", liablePerson: "刘主任")
            .Unit("1#压缩机", department: "动力部", liablePerson: "孙工")
            .Event("压缩机密封泄漏", "火灾", l: 3, s: 4)
            .Measure(HandBuiltRegister.DailyCheck("密封油压力联锁投用") with { ResponsibleDepartment = "设备部", ResponsiblePerson = "张三" })
            .Measure(HandBuiltRegister.DailyCheck("可燃气体报警仪在线") with { ResponsibleDepartment = "设备部", ResponsiblePerson = "李四" })
            .Measure(HandBuiltRegister.DailyCheck("巡检记录齐全") with { ResponsibleDepartment = null, ResponsiblePerson = "张三" });
        await register.SaveAsync();
        await using var services = database.CreateServices();

        var card = await CardAsync(services, TenantScope.ForEnterprise(database.Wf1), register.Units["1#压缩机"]);

        card.Department.ShouldBe("设备部", "the measures name it, so neither the unit's nor the object's applies");
        card.LiablePerson.ShouldBe("张三、李四");
    }

    [Fact]
    public async Task The_card_shows_the_units_emergency_phone_and_its_emergency_measures_before_the_emergency_class_measures()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Wf1);
        register
            .AnalysisObject("WF1-CARD-EMERGENCY", "液氨罐区")
            .Unit("液氨储罐", emergencyPhone: "+86 536-1234567", emergencyMeasures: "发现泄漏立即启动喷淋\n 人员向上风向撤离 \n")
            .Event("液氨泄漏中毒", "中毒和窒息", l: 3, s: 5)
            .Measure("氨气报警仪在线")
            .Measure(Emergency("配备正压式空气呼吸器"));
        await register.SaveAsync();
        await using var services = database.CreateServices();

        var card = await CardAsync(services, TenantScope.ForEnterprise(database.Wf1), register.Units["液氨储罐"]);

        card.EmergencyPhone.ShouldBe("+86 536-1234567");
        card.EmergencyMeasures.ShouldBe(["发现泄漏立即启动喷淋", "人员向上风向撤离", "配备正压式空气呼吸器"]);
    }

    [Fact]
    public async Task A_unit_without_events_has_no_level_and_its_own_responsible_person()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        register.AnalysisObject("QD1-CARD", "公用工程", department: "动力部").Unit("空压站", department: "设备部", liablePerson: "孙工");
        await register.SaveAsync();
        await using var services = database.CreateServices();

        var card = await CardAsync(services, TenantScope.ForRegion("370200"), register.Units["空压站"]);

        card.Level.ShouldBeNull();
        card.Department.ShouldBe("设备部");
        card.LiablePerson.ShouldBe("孙工");
        card.Events.ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_tenants_unit_is_not_found_for_an_enterprise_or_a_regulator_of_another_city()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Wf1);
        register.AnalysisObject("WF1-FOREIGN", "罐区").Unit("外部单元");
        await register.SaveAsync();
        var unitId = register.Units["外部单元"];
        await using var services = database.CreateServices();

        await Should.ThrowAsync<NotFoundException>(() => CardAsync(services, TenantScope.ForEnterprise(database.Qd1), unitId));
        await Should.ThrowAsync<NotFoundException>(() => CardAsync(services, TenantScope.ForRegion("370200"), unitId));
        (await CardAsync(services, TenantScope.ForRegion("370700"), unitId)).UnitName.ShouldBe("外部单元");
    }
}
