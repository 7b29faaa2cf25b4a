using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Dashboards;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Reports.Dashboards;

/// <summary>The dashboard's figures over the hand-built November 2026 of <see cref="ComplianceDatabase"/>.</summary>
public class DashboardTests(ComplianceDatabase database) : IClassFixture<ComplianceDatabase>
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);

    private static readonly Actor Qingdao = RegisterDriver.Regulator("370200");

    private static readonly Actor Province = RegisterDriver.Regulator("370000", Roles.ProvinceStaff);

    [Fact]
    public async Task The_city_dashboard_shows_the_hand_counted_kpis_of_november()
    {
        var dashboard = await Dashboard(Qingdao, new(November));

        (dashboard.RegionCode, dashboard.RegionName, dashboard.RegionLevel).ShouldBe(("370200", "青岛市", RegionLevel.City));
        var kpis = dashboard.Kpis;
        (kpis.Enterprises, kpis.WindowsDue, kpis.WindowsCompleted, kpis.WindowsLate, kpis.WindowsMissed).ShouldBe((2, 8, 5, 1, 2));
        kpis.CompletionPercent.ShouldBe(63, "5 of 8 is 62.5 %, rounded half away from zero");
        kpis.AccountabilityPercent.ShouldBe(100);
        (kpis.HiddenDangersToRectify, kpis.HiddenDangersRectified, kpis.RectificationPercent, kpis.OnTimeRectificationPercent).ShouldBe((5, 2, 40, 50));
        (kpis.HiddenDangersGeneral, kpis.HiddenDangersMajor, kpis.OverdueGeneral, kpis.OverdueMajor).ShouldBe((3, 1, 2, 1));
        (kpis.MajorPosted, kpis.MajorClosedOut).ShouldBe((1, 0));
        (kpis.Score, kpis.Grade).ShouldBe((0m, "差"));
        kpis.Vetoes.ShouldBe([OperatingEffectRules.MajorOverdueVeto]);
        dashboard.FourColor.Units.ShouldBe([1, 0, 0, 1]);
        dashboard.FourColor.Events.ShouldBe([1, 0, 0, 1]);
        dashboard.Regions.Select(r => (r.RegionCode, r.Name, r.Kpis.Enterprises)).ShouldBe([("370211", "黄岛区", 1), ("370214", "城阳区", 1)]);
    }

    [Fact]
    public async Task A_month_trends_by_day()
    {
        var dashboard = await Dashboard(Qingdao, new(November));

        dashboard.TrendBy.ShouldBe(TrendGranularity.Day);
        dashboard.Trend.Count.ShouldBe(30);
        dashboard.Trend.ShouldAllBe(p => p.To == p.From.AddDays(1));
        var monday = dashboard.Trend[^1];
        (monday.From, monday.WindowsDue, monday.WindowsCompleted, monday.CompletionPercent).ShouldBe((new DateOnly(2026, 11, 30), 8, 5, 63));
        dashboard.Trend.Take(29).ShouldAllBe(p => p.CompletionPercent == null);
        Rectification(dashboard, 10).ShouldBe((1, 1, 100));
        Rectification(dashboard, 12).ShouldBe((1, 1, 100));
        Rectification(dashboard, 20).ShouldBe((1, 0, 0));
        Rectification(dashboard, 19).ShouldBe((0, 0, null), "the invalidated one never counts");
        dashboard.Trend.Sum(p => p.HiddenDangersToRectify).ShouldBe(dashboard.Kpis.HiddenDangersToRectify);
    }

    [Fact]
    public async Task A_quarter_trends_by_iso_week_clipped_to_the_quarter_and_a_year_by_month()
    {
        var quarter = await Dashboard(Qingdao, new(QuarterFour()));
        var year = await Dashboard(Qingdao, new(Year2026()));

        quarter.TrendBy.ShouldBe(TrendGranularity.Week);
        quarter.Trend.Count.ShouldBe(14);
        (quarter.Trend[0].From, quarter.Trend[0].To).ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 5)), "1 October is a Thursday; weeks start on Monday");
        (quarter.Trend[^1].From, quarter.Trend[^1].To).ShouldBe((new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 1)));
        quarter.Trend.Skip(1).ShouldAllBe(p => p.From.DayOfWeek == DayOfWeek.Monday);
        var week = quarter.Trend.ToDictionary(p => p.From);
        (week[new(2026, 11, 9)].HiddenDangersToRectify, week[new(2026, 11, 9)].RectificationPercent).ShouldBe((2, 100));
        (week[new(2026, 11, 23)].HiddenDangersToRectify, week[new(2026, 11, 23)].RectificationPercent).ShouldBe((2, 0));
        (week[new(2026, 11, 30)].WindowsDue, week[new(2026, 11, 30)].CompletionPercent).ShouldBe((8, 63));
        week[new(2026, 12, 28)].HiddenDangersToRectify.ShouldBe(0, "the posted major one, due on 31 December, is not judged before then");

        year.TrendBy.ShouldBe(TrendGranularity.Month);
        year.Trend.Select(p => p.From.Month).ShouldBe(Enumerable.Range(1, 12));
        var november = year.Trend[10];
        (november.WindowsDue, november.WindowsCompleted, november.CompletionPercent).ShouldBe((8, 5, 63));
        (november.HiddenDangersToRectify, november.HiddenDangersRectified, november.RectificationPercent).ShouldBe((5, 2, 40));
        (year.Trend[11].HiddenDangersToRectify, year.Trend[11].RectificationPercent).ShouldBe((0, null), "December's deadline has not come on 30 November");
    }

    [Fact]
    public async Task The_ranking_puts_the_lowest_score_the_most_overdue_or_the_most_major_risk_first()
    {
        var byScore = await Dashboard(Province, new(November));
        var byOverdue = await Dashboard(Province, new(November, RankBy: DashboardRanking.MostOverdue, Top: 1));
        var byRisk = await Dashboard(Province, new(November, RankBy: DashboardRanking.MostMajorRisk));

        byScore.Ranking.Select(r => r.EnterpriseId).ShouldBe([database.Qd2, database.Wf1, database.Qd1], "a veto scores 0, Weifang scores 100, no windows no score");
        byScore.Ranking.Select(r => r.Rank).ShouldBe([1, 2, 3]);
        (byScore.Ranking[1].Kpis.Score, byScore.Ranking[1].Kpis.Grade).ShouldBe((100m, "优"));
        byScore.Ranking[2].Kpis.Score.ShouldBeNull();
        var first = byOverdue.Ranking.ShouldHaveSingleItem();
        (first.EnterpriseId, first.Kpis.OverdueGeneral, first.Kpis.OverdueMajor, first.CountyName).ShouldBe((database.Qd2, 2, 1, "城阳区"));
        byRisk.Ranking[0].EnterpriseId.ShouldBe(database.Qd2);
        byRisk.Ranking[0].UnitsByLevel.ShouldBe([1, 0, 0, 1]);
    }

    [Fact]
    public async Task The_province_dashboard_sets_the_cities_side_by_side()
    {
        var dashboard = await Dashboard(Province, new(November));

        dashboard.RegionLevel.ShouldBe(RegionLevel.Province);
        dashboard.Regions.Select(r => (r.RegionCode, r.Name)).ShouldBe([("370200", "青岛市"), ("370700", "潍坊市")]);
        (dashboard.Regions[0].Kpis.CompletionPercent, dashboard.Regions[1].Kpis.CompletionPercent).ShouldBe((63, 100));
        (dashboard.Kpis.Enterprises, dashboard.Kpis.WindowsDue, dashboard.Kpis.WindowsCompleted, dashboard.Kpis.CompletionPercent).ShouldBe((3, 9, 6, 67));
    }

    [Fact]
    public async Task A_regions_score_averages_its_enterprises_scores_so_one_veto_does_not_zero_the_province()
    {
        var dashboard = await Dashboard(Province, new(November));

        // Qd2 is vetoed (0), Wf1 scores 100 and Qd1 has nothing due: the province is the mean of the two scored
        // (docs/domain/dual-prevention.md#92-operating-effect-score), not a score of the summed figures (then 0.0 差).
        var kpis = dashboard.Kpis;
        (kpis.Score, kpis.Grade).ShouldBe((50m, "差"));
        (kpis.EnterprisesScored, kpis.EnterprisesVetoed).ShouldBe((2, 1));
        kpis.Grades.ShouldBe([new GradeCount("优", 1), new GradeCount("良", 0), new GradeCount("中", 0), new GradeCount("差", 1)]);
        kpis.Vetoes.ShouldBe([OperatingEffectRules.MajorOverdueVeto], "the veto items that struck its enterprises");
        var weifang = dashboard.Regions.Single(r => r.RegionCode == "370700").Kpis;
        (weifang.Score, weifang.Grade, weifang.EnterprisesVetoed).ShouldBe((100m, "优", 0));
    }

    [Fact]
    public async Task The_posted_card_counts_the_items_open_now_and_those_newly_posted_in_the_period()
    {
        var november = await Dashboard(Qingdao, new(November));
        var december = await Dashboard(Qingdao, new(ReportPeriod.Month(2026, 12)));

        (november.Kpis.MajorPostedOpen, november.Kpis.MajorPosted).ShouldBe((1, 1));
        (december.Kpis.MajorPostedOpen, december.Kpis.MajorPosted).ShouldBe((1, 0), "posted in November and open until 12-31");
    }

    [Fact]
    public async Task A_Qingdao_reviewer_cannot_see_Weifang_and_Weifangs_figures_never_reach_Qingdaos_dashboard()
    {
        await Should.ThrowAsync<NotFoundException>(() => Dashboard(Qingdao, new(November, "370700")));
        await Should.ThrowAsync<NotFoundException>(() => Dashboard(Qingdao, new(November, "370772")));
        await Should.ThrowAsync<NotFoundException>(() => Dashboard(Qingdao, new(November, "370000")));

        var qingdao = await Dashboard(Qingdao, new(QuarterFour()));
        var province = await Dashboard(Province, new(QuarterFour()));

        qingdao.Ranking.ShouldNotContain(r => r.EnterpriseId == database.Wf1);
        qingdao.Regions.ShouldAllBe(r => r.RegionCode.StartsWith("3702"));
        (province.HiddenDangersBySource.Sum(s => s.Count) - qingdao.HiddenDangersBySource.Sum(s => s.Count))
            .ShouldBe(1, "Weifang's hidden danger, registered on 2 November, counts for the province only");
        (qingdao.Kpis.WindowsDue, province.Kpis.WindowsDue).ShouldBe((8, 9));
    }

    [Fact]
    public async Task An_enterprise_user_sees_its_own_enterprise_only()
    {
        var qd2 = await Dashboard(RegisterDriver.EnterpriseUser(database.Qd2), new(November));
        var wf1 = await Dashboard(RegisterDriver.EnterpriseUser(database.Wf1, Roles.Inspector), new(November));

        qd2.Ranking.ShouldHaveSingleItem().EnterpriseId.ShouldBe(database.Qd2);
        (qd2.Kpis.Enterprises, qd2.Kpis.CompletionPercent, qd2.Kpis.OverdueMajor).ShouldBe((1, 63, 1));
        qd2.Regions.ShouldBeEmpty();
        (wf1.Kpis.Enterprises, wf1.Kpis.WindowsDue, wf1.Kpis.CompletionPercent).ShouldBe((1, 1, 100));
        await Should.ThrowAsync<NotFoundException>(() => Dashboard(RegisterDriver.EnterpriseUser(database.Wf1), new(November, "370200")));
    }

    [Fact]
    public async Task Hidden_dangers_registered_in_the_period_are_counted_by_source_and_category()
    {
        // September holds nothing of the hand-built November, so these rows change no other test's figures.
        var september = ReportPeriod.Month(2026, 9);
        await RegisteredInSeptemberAsync(database.Qd1, InspectionSource.Routine, HiddenDangerCategory.Electrical);
        await RegisteredInSeptemberAsync(database.Qd1, InspectionSource.Routine, HiddenDangerCategory.Electrical);
        await RegisteredInSeptemberAsync(database.Qd1, InspectionSource.Specialist, HiddenDangerCategory.FireProtection);
        await RegisteredInSeptemberAsync(database.Qd1, InspectionSource.Routine, null);
        await RegisteredInSeptemberAsync(database.Qd1, InspectionSource.Seasonal, HiddenDangerCategory.Process, HiddenDangerState.Invalidated);
        await RegisteredInSeptemberAsync(database.Wf1, InspectionSource.Routine, HiddenDangerCategory.Electrical);

        var dashboard = await Dashboard(Qingdao, new(september));

        dashboard.HiddenDangersBySource.ShouldBe([new SourceCount(InspectionSource.Routine, 3), new SourceCount(InspectionSource.Specialist, 1)]);
        dashboard.HiddenDangersByCategory.ShouldBe(
            [new CategoryCount(HiddenDangerCategory.Electrical, 2), new CategoryCount(HiddenDangerCategory.FireProtection, 1), new CategoryCount(null, 1)]);
        dashboard.HiddenDangersBySource.Sum(c => c.Count).ShouldBe(dashboard.Kpis.HiddenDangersGeneral + dashboard.Kpis.HiddenDangersMajor);
    }

    private static ReportPeriod QuarterFour() => ReportPeriod.TryParse("2026-Q4", out var quarter) ? quarter : throw new InvalidOperationException();

    private static ReportPeriod Year2026() => ReportPeriod.TryParse("2026", out var year) ? year : throw new InvalidOperationException();

    private static (int ToRectify, int Rectified, int? Percent) Rectification(GetDashboard.Result dashboard, int day)
    {
        var point = dashboard.Trend.Single(p => p.From == new DateOnly(2026, 11, day));
        return (point.HiddenDangersToRectify, point.HiddenDangersRectified, point.RectificationPercent);
    }

    private async Task RegisteredInSeptemberAsync(
        Guid enterpriseId, InspectionSource source, HiddenDangerCategory? category, HiddenDangerState state = HiddenDangerState.Rectifying)
    {
        var id = await HiddenDangerSeed.AddAsync(database, enterpriseId, $"九月隐患{Guid.NewGuid():N}"[..12], state: state, foundOn: new(2026, 9, 15), deadline: new(2027, 1, 15), source: source);
        await using var db = database.OwnerContext(TenantScope.System);
        await db.HiddenDangers.Where(h => h.Id == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Category, category));
    }

    private async Task<GetDashboard.Result> Dashboard(Actor actor, GetDashboard.Query query)
    {
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync<GetDashboard.Handler, GetDashboard.Result>(actor, h => h.HandleAsync(query, default));
    }
}
