using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.HiddenDangers;

public class SupervisionListTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Actor Qingdao = As.Region("370200", Roles.CityReviewer);
    private static readonly Actor Weifang = As.Region("370700", Roles.CityReviewer);
    private static readonly Actor Province = As.Region("370000", Roles.ProvinceStaff);

    private Task<SupervisionList.Result> CityAsync(Actor actor, Guid? enterpriseId = null) =>
        As.RunAsync<ListCitySupervision.Handler, SupervisionList.Result>(database, actor, h => h.HandleAsync(actor, new(enterpriseId), CancellationToken.None));

    private Task<SupervisionList.Result> ProvinceAsync(Actor actor) =>
        As.RunAsync<ListProvinceSupervision.Handler, SupervisionList.Result>(database, actor, h => h.HandleAsync(actor, new(), CancellationToken.None));

    [Fact]
    public async Task A_Qingdao_enterprises_major_hidden_danger_is_on_the_Qingdao_list_from_registration_and_not_on_Weifangs()
    {
        var major = await HiddenDangerSeed.AddAsync(database, database.Qd1, "液化烃储罐未设紧急切断阀", HiddenDangerLevel.Major, deadline: new DateOnly(2027, 1, 31));

        var qingdao = await CityAsync(Qingdao);
        var weifang = await CityAsync(Weifang);

        var row = qingdao.Items.Items.Single(r => r.HiddenDangerId == major);
        row.Reasons.ShouldBe([SupervisionReason.OpenMajor]);
        row.ReportedToRegulatorAt.ShouldNotBeNull();
        row.EnterpriseName.ShouldNotBeNullOrEmpty();
        weifang.Items.Items.ShouldNotContain(r => r.HiddenDangerId == major);
        (await ProvinceAsync(Province)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == major);
    }

    [Fact]
    public async Task A_general_hidden_danger_is_on_the_city_list_only_once_it_is_escalated_there()
    {
        database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        var general = await HiddenDangerSeed.AddAsync(database, database.Qd2, "输送泵机封泄漏", deadline: new DateOnly(2026, 11, 10));

        var before = await CityAsync(Qingdao);
        await HiddenDangerSeed.EscalateAsync(database, general, "overdue-7d-city", EscalationTarget.CitySupervision);
        var after = await CityAsync(Qingdao);

        before.Items.Items.ShouldNotContain(r => r.HiddenDangerId == general);
        var row = after.Items.Items.Single(r => r.HiddenDangerId == general);
        row.Reasons.ShouldBe([SupervisionReason.Escalated]);
        row.StepCodes.ShouldBe(["overdue-7d-city"]);
        (row.IsOverdue, row.DaysOverdue).ShouldBe((true, 10));
        (await CityAsync(Weifang)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == general);
        (await ProvinceAsync(Province)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == general);
    }

    [Fact]
    public async Task A_posted_item_stays_listed_after_close_out_and_an_accepted_escalated_one_leaves()
    {
        var posted = await HiddenDangerSeed.AddAsync(database, database.Qd1, "已挂牌并销号的重大隐患", HiddenDangerLevel.Major, HiddenDangerState.ClosedOut);
        await HiddenDangerSeed.PostAsync(database, posted);
        var accepted = await HiddenDangerSeed.AddAsync(database, database.Qd1, "已验收的一般隐患", state: HiddenDangerState.Accepted, deadline: new DateOnly(2026, 10, 1));
        await HiddenDangerSeed.EscalateAsync(database, accepted, "overdue-7d-city", EscalationTarget.CitySupervision);

        var qingdao = await CityAsync(Qingdao, database.Qd1);

        var row = qingdao.Items.Items.Single(r => r.HiddenDangerId == posted);
        row.Reasons.ShouldBe([SupervisionReason.Posted]);
        (row.IsPosted, row.PostingLevel, row.PostingNoticeNo).ShouldBe((true, PostingLevel.City, "青应督〔2026〕1号"));
        qingdao.Items.Items.ShouldNotContain(r => r.HiddenDangerId == accepted);
        qingdao.Items.Items.ShouldAllBe(r => r.EnterpriseId == database.Qd1);
    }

    [Fact]
    public async Task Enterprises_escalated_for_missed_windows_are_listed_for_their_own_city_only()
    {
        await HiddenDangerSeed.EscalateMissedWindowsAsync(database, database.Wf1, "2026-W47");

        var weifang = await CityAsync(Weifang);
        var qingdao = await CityAsync(Qingdao);

        weifang.Enterprises.ShouldContain(e => e.EnterpriseId == database.Wf1 && e.Period == "2026-W47" && e.Reason == SupervisionReason.MissedWindows);
        qingdao.Enterprises.ShouldNotContain(e => e.EnterpriseId == database.Wf1);
    }

    [Fact]
    public async Task The_province_list_shows_province_escalations_and_is_refused_to_city_reviewers_and_enterprises()
    {
        var late = await HiddenDangerSeed.AddAsync(database, database.Wf1, "超期30天的一般隐患", deadline: new DateOnly(2026, 9, 1));
        await HiddenDangerSeed.EscalateAsync(database, late, "overdue-30d-province", EscalationTarget.ProvinceSupervision);

        var province = await ProvinceAsync(Province);

        province.Items.Items.Single(r => r.HiddenDangerId == late).StepCodes.ShouldBe(["overdue-30d-province"]);
        (await CityAsync(Weifang)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == late);
        await Should.ThrowAsync<DomainRuleException>(() => ProvinceAsync(Qingdao));
        var enterprise = As.Enterprise(database.Qd1);
        await Should.ThrowAsync<DomainRuleException>(() => CityAsync(enterprise));
    }
}
