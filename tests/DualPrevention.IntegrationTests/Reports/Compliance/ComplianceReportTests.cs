using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.IntegrationTests.Risks.Register;

namespace DualPrevention.IntegrationTests.Reports.Compliance;

public class ComplianceReportTests(ComplianceDatabase database) : IClassFixture<ComplianceDatabase>
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);

    [Fact]
    public async Task The_enterprise_row_holds_the_hand_counted_figures_of_november()
    {
        var report = await Report(RegisterDriver.Regulator("370200"), new(November));

        var qd2 = report.Rows.Single(r => r.EnterpriseId == database.Qd2).Metrics;
        qd2.UnitsByLevel.ShouldBe([1, 0, 0, 1]);
        qd2.EventsByLevel.ShouldBe([1, 0, 0, 1]);
        (qd2.WindowsDue, qd2.WindowsCompleted, qd2.WindowsLate, qd2.WindowsMissed, qd2.WindowsSuspended).ShouldBe((8, 5, 1, 2, 1));
        qd2.AccountabilityDue.ShouldBe([1, 0, 0]);
        qd2.AccountabilityCompleted.ShouldBe([1, 0, 0]);
        (qd2.HiddenDangersGeneral, qd2.HiddenDangersMajor).ShouldBe((3, 1));
        (qd2.HiddenDangersToRectify, qd2.HiddenDangersRectified, qd2.HiddenDangersRectifiedOnTime).ShouldBe((5, 2, 1));
        (qd2.OverdueGeneral, qd2.OverdueMajor, qd2.MajorPosted, qd2.MajorClosedOut).ShouldBe((2, 1, 1, 0));
        qd2.CompletionRate.ShouldBe(0.625m);
        Percent.Round(qd2.CompletionRate).ShouldBe(63);
        Percent.Round(qd2.MissedRate).ShouldBe(38);
        Percent.Round(qd2.RectificationRate).ShouldBe(40);
        Percent.Round(qd2.OnTimeRectificationRate).ShouldBe(50);
    }

    [Fact]
    public async Task A_running_quarter_counts_only_the_deadlines_that_have_come_or_are_met_already()
    {
        var report = await Report(RegisterDriver.Regulator("370200"), new(ReportPeriod.Quarter(2026, 4)));

        var qd2 = report.Rows.Single(r => r.EnterpriseId == database.Qd2).Metrics;
        (qd2.HiddenDangersToRectify, qd2.HiddenDangersRectified).ShouldBe((5, 2), "the posted major one due 12-31 is not yet judged on 11-30");
        var wf1 = (await Report(RegisterDriver.Regulator("370700"), new(ReportPeriod.Quarter(2026, 4)))).Rows.Single(r => r.EnterpriseId == database.Wf1).Metrics;
        (wf1.HiddenDangersToRectify, wf1.RectificationRate).ShouldBe((0, null), "its only deadline, 12-05, is still ahead");
    }

    [Fact]
    public async Task An_overdue_major_hidden_danger_vetoes_the_operating_effect_score()
    {
        var report = await Report(RegisterDriver.Regulator("370200"), new(November));

        var qd2 = report.Rows.Single(r => r.EnterpriseId == database.Qd2).Effect;
        qd2.A.ShouldBe(31.25m, "62.5 % × 50, 包保 all done");
        qd2.B.ShouldBe(20m, "40 % × 50, four registered is not too few");
        qd2.Vetoes.ShouldBe([OperatingEffectRules.MajorOverdueVeto]);
        qd2.Score.ShouldBe(0m);
        qd2.Grade.ShouldBe("差");
    }

    [Fact]
    public void Without_vetoes_the_score_adds_a_and_b_and_grades_it()
    {
        var metrics = new ComplianceMetrics(1, [0, 0, 0, 0], [0, 0, 0, 0], 10, 9, 0, 1, 0, [2, 0, 0], [1, 0, 0], 1, 0, 4, 3, 3, 0, 0, 0, 0, 0);

        var effect = new OperatingEffectRules().Evaluate(metrics, November);

        effect.A.ShouldBe(40m, "90 % × 50 − half the 包保 deduction of 10");
        effect.B.ShouldBe(37.5m);
        effect.Score.ShouldBe(77.5m);
        effect.Grade.ShouldBe("良");
        effect.Vetoes.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_city_report_lists_its_enterprises_then_county_and_city_totals_and_no_other_city()
    {
        var report = await Report(RegisterDriver.Regulator("370200"), new(November));

        report.RegionName.ShouldBe("青岛市");
        report.Rows.ShouldNotContain(r => r.EnterpriseId == database.Wf1);
        report.Rows[^1].Kind.ShouldBe(ComplianceRowKind.CityTotal);
        var cityTotal = report.Rows[^1].Metrics;
        (cityTotal.Enterprises, cityTotal.WindowsDue, cityTotal.WindowsCompleted).ShouldBe((2, 8, 5));
        report.Rows.Count(r => r.Kind == ComplianceRowKind.CountyTotal).ShouldBeGreaterThanOrEqualTo(1);
        foreach (var county in report.Rows.Where(r => r.Kind == ComplianceRowKind.CountyTotal))
        {
            var enterprises = report.Rows.Where(r => r.Kind == ComplianceRowKind.Enterprise && r.RegionCode == county.RegionCode).ToList();
            county.Metrics.Enterprises.ShouldBe(enterprises.Count);
            county.Metrics.WindowsDue.ShouldBe(enterprises.Sum(e => e.Metrics.WindowsDue));
        }
    }

    [Fact]
    public async Task The_province_report_sums_both_cities()
    {
        var report = await Report(RegisterDriver.Regulator("370000", Roles.ProvinceStaff), new(November));

        report.Rows.Where(r => r.Kind == ComplianceRowKind.CityTotal).Select(r => r.CityName).ShouldBe(["青岛市", "潍坊市"]);
        var total = report.Rows[^1];
        total.Kind.ShouldBe(ComplianceRowKind.ProvinceTotal);
        (total.Metrics.Enterprises, total.Metrics.WindowsDue, total.Metrics.WindowsCompleted, total.Metrics.HiddenDangersGeneral).ShouldBe((3, 9, 6, 4));
        Percent.Round(total.Metrics.CompletionRate).ShouldBe(67);
    }

    [Fact]
    public async Task A_city_reviewer_cannot_report_on_another_city_and_an_enterprise_sees_only_itself()
    {
        await Should.ThrowAsync<NotFoundException>(() => Report(RegisterDriver.Regulator("370200"), new(November, "370700")));
        await Should.ThrowAsync<NotFoundException>(() => Report(RegisterDriver.Regulator("370200"), new(November, "370000")));

        var own = await Report(RegisterDriver.EnterpriseUser(database.Wf1), new(November));

        own.Rows.Where(r => r.Kind == ComplianceRowKind.Enterprise).ShouldHaveSingleItem().EnterpriseId.ShouldBe(database.Wf1);
        await Should.ThrowAsync<NotFoundException>(() => Report(RegisterDriver.EnterpriseUser(database.Wf1), new(November, "370200")));
    }

    [Fact]
    public async Task Other_periods_count_nothing_of_november()
    {
        var october = await Report(RegisterDriver.Regulator("370200"), new(ReportPeriod.Month(2026, 10)));

        var qd2 = october.Rows.Single(r => r.EnterpriseId == database.Qd2).Metrics;
        (qd2.WindowsDue, qd2.HiddenDangersGeneral, qd2.HiddenDangersMajor, qd2.HiddenDangersToRectify).ShouldBe((0, 1, 1, 0));
        qd2.CompletionRate.ShouldBeNull();
        (qd2.OverdueGeneral, qd2.OverdueMajor).ShouldBe((2, 1), "overdue is counted at the evaluation time, whatever the period");
    }

    private async Task<ComputeComplianceReport.Result> Report(Actor actor, ComputeComplianceReport.Query query)
    {
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync<ComputeComplianceReport.Handler, ComputeComplianceReport.Result>(actor, h => h.HandleAsync(query, default));
    }
}
