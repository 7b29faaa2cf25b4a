using System.Globalization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tests.Localization;
using static DualPrevention.Core.Tests.Reports.ComplianceReportSample;

namespace DualPrevention.Core.Tests.Reports.Compliance;

public class ComplianceColumnsTests
{
    private static readonly ComplianceReportRow HaijingRow = Rows[0];
    private static readonly ComplianceReportRow IdleRow = Rows[1];

    [Theory]
    [InlineData("排查任务完成率", "63%")]
    [InlineData("包保任务完成率", "50%")]
    [InlineData("包保任务完成率(主要负责人)", "50%")]
    [InlineData("包保任务完成率(技术负责人)", "100%")]
    [InlineData("包保任务完成率(操作负责人)", "0%")]
    [InlineData("隐患整改率", "75%")]
    [InlineData("按期整改率", "67%")]
    [InlineData("运行效果得分", "68.8")]
    [InlineData("应排查", "8")]
    [InlineData("补录(逾期)", "1")]
    [InlineData("较大风险单元", "2")]
    [InlineData("低风险事件", "5")]
    [InlineData("统一社会信用代码", HaijingCreditCode)]
    [InlineData("运行等级", "中")]
    public void An_enterprise_row_shows_its_rates_rounded_half_away_from_zero(string header, string shown) =>
        Column(header).Display(HaijingRow, Zh).ShouldBe(shown);

    [Fact]
    public void Five_of_eight_is_stored_as_the_whole_percent_63_not_the_fraction()
    {
        Column("排查任务完成率").NumberOf(HaijingRow).ShouldBe(63m);
        Column("排查任务完成率").Kind.ShouldBe(ComplianceValueKind.Percent);
    }

    [Fact]
    public void A_rate_without_a_base_is_empty_and_never_zero()
    {
        Column("排查任务完成率").NumberOf(IdleRow).ShouldBeNull();
        Column("排查任务完成率").Display(IdleRow, Zh, empty: "—").ShouldBe("—");
        Column("运行效果得分").Display(IdleRow, Zh).ShouldBe("");
        Column("否决项").Display(IdleRow, Zh).ShouldBe("重大隐患超期未整改");
    }

    [Fact]
    public void Totals_are_labelled_with_their_region_and_the_province_name_comes_from_the_division_list()
    {
        Rows.Skip(2).Select(r => ComplianceColumns.RowLabel(r, Zh)).ShouldBe(["市南区 合计", "青岛市 合计", "山东省 合计"]);
        Column("区县").Display(Rows[3], Zh).ShouldBe("");
        Column("市").Display(Rows[4], Zh).ShouldBe("");
        Column("统一社会信用代码").Display(Rows[2], Zh).ShouldBe("");
    }

    [Fact]
    public void Every_header_is_unique_and_units_and_events_keep_all_four_levels()
    {
        ComplianceColumns.All.Select(c => c.Header(Zh)).ShouldBeUnique();
        ComplianceColumns.All.Select(c => c.EnglishHeader).ShouldBeUnique();
        ComplianceColumns.All.Take(4).Select(c => c.Header(Zh)).ShouldBe(["市", "区县", "企业名称", "统一社会信用代码"]);
        ComplianceColumns.All.Where(c => c.GroupName(Zh) == "风险单元").Select(c => c.Header(Zh)).ShouldBe(["重大风险单元", "较大风险单元", "一般风险单元", "低风险单元"]);
        ComplianceColumns.All.Where(c => c.GroupName(Zh) == "风险事件").Select(c => c.ShortHeader(Zh)).ShouldBe(["重大", "较大", "一般", "低"]);
    }

    [Fact]
    public void A_total_shows_its_enterprises_mean_score_with_how_many_were_scored_and_vetoed_and_the_grade_distribution()
    {
        var countyTotal = Rows[2];

        Column("运行效果得分").Display(countyTotal, Zh).ShouldBe("68.8", "the mean of the one scored enterprise, not a score of the summed figures");
        Column("运行等级").Display(countyTotal, Zh).ShouldBe("中");
        Column("参评企业数").Display(countyTotal, Zh).ShouldBe("1");
        Column("否决企业数").Display(countyTotal, Zh).ShouldBe("1");
        Column("等级分布").Display(countyTotal, Zh).ShouldBe("优0 良0 中1 差0");
        Column("等级分布").Display(HaijingRow, Zh).ShouldBe("");
        (Column("本期挂牌督办").Display(HaijingRow, Zh), Column("在办挂牌督办").Display(HaijingRow, Zh)).ShouldBe(("1", "1"));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 532", "'+86 532")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("液位-压力=正常", "液位-压力=正常")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Only_text_beginning_with_a_formula_trigger_gets_an_apostrophe(string? text, string? written) =>
        FormulaInjection.Neutralize(text).ShouldBe(written);

    [Fact]
    public void In_English_headers_totals_grades_and_vetoes_have_no_Chinese_but_the_names_of_places()
    {
        var english = CultureInfo.GetCultureInfo("en-US");

        ComplianceColumns.All.Select(c => c.Header(english)).Concat(ComplianceColumns.All.Select(c => c.ShortHeader(english)))
            .Concat(ComplianceColumns.All.Select(c => c.GroupName(english) ?? ""))
            .Where(ChineseText.Contains).ShouldBeEmpty();
        Rows.Skip(2).Select(r => ComplianceColumns.RowLabel(r, english)).ShouldBe(["市南区 total", "青岛市 total", "山东省 total"]);
        Column("运行等级").Display(HaijingRow, english).ShouldBe("Fair");
        Column("否决项").Display(IdleRow, english).ShouldBe("Major hidden danger overdue");
        Column("等级分布").Display(Rows[2], english).ShouldBe("Excellent 0 Good 0 Fair 1 Poor 0");
        ComplianceReportCaption.Lines(Header with { Culture = english }).SelectMany(l => new[] { l.Label, l.Value.Replace(Header.RegionName, "", StringComparison.Ordinal) })
            .Append(ComplianceReportCaption.Title(english)).Append(ReportPeriod.Month(2026, 11).Name(english))
            .Where(ChineseText.Contains).ShouldBeEmpty();
    }

    private static CultureInfo Zh => ReportText.Chinese;

    private static ComplianceColumn Column(string header) => ComplianceColumns.All.Single(c => c.Header(Zh) == header);
}
