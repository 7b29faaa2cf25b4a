using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Risks.Register;

/// <summary>Qd1's hand-built register, exported once for the whole class.</summary>
public sealed class ExportedRegisterDatabase : DemoDatabase
{
    public const string InjectedMeasure = "=HYPERLINK(\"http://example.invalid\",\"点击\")";

    public byte[] Workbook { get; private set; } = [];

    public string FileName { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var weekly = HandBuiltRegister.DailyCheck("脱水作业双阀操作，全程有人监护") with
        {
            Classify1 = MeasureClassify1.Operation,
            Classify2 = "3-2",
            CycleValue = 7,
            TaskType = InspectionTaskType.PrincipalResponsible,
            AccountabilityItemNo = 3,
            ControlLevel = ControlLevel.Company,
        };
        var hourly = HandBuiltRegister.DailyCheck("外操每2小时巡检球罐区") with
        {
            CycleValue = 2,
            CycleUnit = CycleUnit.Hour,
            WorkStartTime = new TimeOnly(8, 0),
            WorkEndTime = new TimeOnly(18, 30),
            WorkDayType = WorkDayType.StatutoryWorkingDays,
        };
        var quarterly = HandBuiltRegister.DailyCheck("配备正压式空气呼吸器") with
        {
            Classify1 = MeasureClassify1.Emergency,
            Classify2 = "4-2",
            Classify3 = "呼吸防护",
            DataSource = ControlDataSource.AutoMonitoring,
            InspectionContent = null,
            CycleValue = 3,
            CycleUnit = CycleUnit.Month,
        };
        var register = await HandBuiltRegister.ForAsync(this, Qd1);
        register
            .AnalysisObject("370211001", "液化烃球罐区（一级重大危险源）")
            .Unit("1#丁烯球罐（2000m³）")
            .Event("球罐超压导致安全阀起跳、丁烯泄漏引发火灾爆炸", "火灾、其他爆炸", l: 3, s: 5)
            .Measure("液位、压力、温度远传监测并设高高报警联锁")
            .Measure(hourly)
            .Measure(InjectedMeasure)
            .Event("脱水作业时冻堵导致丁烯泄漏", "火灾、中毒和窒息", l: 3, s: 4)
            .Measure(weekly)
            .AnalysisObject("0012345678901234567", "甲醇罐区")
            .Unit("甲醇储罐", emergencyPhone: "0532-12345678", emergencyMeasures: "关闭罐根阀，启动消防水幕")
            .Event("甲醇泄漏导致中毒", "中毒和窒息", l: 4, s: 5)
            .Measure(quarterly)
            .Event("-装卸时静电", null, l: 1, s: 2)
            .Measure("装卸前静电接地")
            .Unit("装卸站")
            .Event("槽车溢流", "火灾", l: 2, s: 2);
        await register.SaveAsync();

        await using var services = CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForEnterprise(Qd1);
        var export = await scope.ServiceProvider.GetRequiredService<ExportRiskRegister.Handler>().HandleAsync(new ExportRiskRegister.Query(Qd1), CancellationToken.None);
        using var output = new MemoryStream();
        await export.WriteToAsync(output, CancellationToken.None);
        Workbook = output.ToArray();
        FileName = export.FileName;
    }
}

public class ExportRiskRegisterTests(ExportedRegisterDatabase database) : IClassFixture<ExportedRegisterDatabase>
{
    private readonly ExportedSheet _sheet = ExportedSheet.Read(database.Workbook);

    [Fact]
    public void The_file_is_named_after_the_enterprise_short_code_and_the_Beijing_date()
    {
        // The test clock stands at 2026-11-02 00:00 UTC, 08:00 in Beijing.
        database.FileName.ShouldBe("风险分级管控清单_demo-qd1_20261102.xlsx");
    }

    [Fact]
    public void A_title_row_names_the_enterprise_and_the_Chinese_header_row_below_it_is_frozen_with_it()
    {
        _sheet.Rows[0][0].Text.ShouldBe("青岛示范石化有限公司安全风险分级管控清单");
        _sheet.Merges.ShouldBe(["A1:AF1"]);
        _sheet.Rows[1].Select(c => c.Text).ShouldBe(RiskRegisterLayout.Columns.Select(c => c.Header));
        _sheet.Rows[1].Take(5).Select(c => c.Text).ShouldBe(["序号", "风险分析对象", "对象编码", "风险分析单元", "风险事件"]);
        _sheet.FrozenRows.ShouldBe(2);
        _sheet.FrozenTopLeft.ShouldBe("A3");
    }

    [Fact]
    public void Every_measure_has_its_own_row_with_object_unit_and_event_repeated_in_code_order()
    {
        // 甲醇罐区's code sorts first; within an object, rows follow unit, event and measure.
        _sheet.Rows.Count.ShouldBe(2 + 6);
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "序号").Text).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "对象编码").Text).ShouldBe(
            ["0012345678901234567", "0012345678901234567", "370211001", "370211001", "370211001", "370211001"]);
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "风险分析单元").Text).ShouldBe(
            ["甲醇储罐", "甲醇储罐", "1#丁烯球罐（2000m³）", "1#丁烯球罐（2000m³）", "1#丁烯球罐（2000m³）", "1#丁烯球罐（2000m³）"]);
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "风险事件").Text).ShouldBe(
        [
            " -装卸时静电", "甲醇泄漏导致中毒",
            "球罐超压导致安全阀起跳、丁烯泄漏引发火灾爆炸", "球罐超压导致安全阀起跳、丁烯泄漏引发火灾爆炸", "球罐超压导致安全阀起跳、丁烯泄漏引发火灾爆炸",
            "脱水作业时冻堵导致丁烯泄漏",
        ]);
    }

    [Fact]
    public void A_branch_without_measures_has_no_row_because_a_blank_cell_imports_as_the_value_above()
    {
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "风险分析单元").Text).ShouldNotContain("装卸站");
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "风险事件").Text).ShouldNotContain("槽车溢流");
        Enumerable.Range(0, 6).Select(i => _sheet.At(i, "管控措施").Text).ShouldAllBe(text => text != null);
    }

    [Fact]
    public void An_assessed_event_carries_its_method_inputs_score_and_level_as_the_importer_reads_them()
    {
        var row = 2;
        _sheet.At(row, "风险分析对象").Text.ShouldBe("液化烃球罐区（一级重大危险源）");
        _sheet.At(row, "事故类型").Text.ShouldBe("火灾、其他爆炸");
        _sheet.At(row, "评价方法").Text.ShouldBe("LS");
        _sheet.At(row, "L").Text.ShouldBe("3");
        _sheet.At(row, "S").Text.ShouldBe("5");
        _sheet.At(row, "R").Text.ShouldBe("15");
        _sheet.At(row, "L").Type.ShouldBeNull("L, S and R are numbers");
        _sheet.At(row, "风险等级").Text.ShouldBe("较大风险");
        _sheet.At(row, "E").Text.ShouldBeNull();
    }

    [Fact]
    public void Level_cells_are_filled_with_the_four_colours()
    {
        _sheet.At(0, "风险等级").Fill.ShouldBe("FF00B0F0");
        _sheet.At(1, "风险等级").Fill.ShouldBe("FFE63031");
        _sheet.At(2, "风险等级").Fill.ShouldBe("FFF48400");
        _sheet.At(5, "风险等级").Fill.ShouldBe("FFF1DD00");
        _sheet.At(2, "风险事件").Fill.ShouldBeNull();
    }

    [Fact]
    public void Codes_and_identifiers_are_text_cells_so_leading_zeros_and_long_digit_runs_survive()
    {
        _sheet.At(0, "对象编码").ShouldBe(new SheetCell("0012345678901234567", CellValues.InlineString, null));
        _sheet.At(0, "应急电话").ShouldBe(new SheetCell("0532-12345678", CellValues.InlineString, null));
        _sheet.At(0, "应急处置措施").Text.ShouldBe("关闭罐根阀，启动消防水幕");
        _sheet.At(2, "对象编码").Type.ShouldBe(CellValues.InlineString);
        _sheet.At(5, "包保任务对应项").ShouldBe(new SheetCell("3", CellValues.InlineString, null));
        _sheet.At(3, "工作开始时间").ShouldBe(new SheetCell("08:00", CellValues.InlineString, null));
        _sheet.At(3, "工作结束时间").Text.ShouldBe("18:30");
    }

    [Fact]
    public void Text_that_a_spreadsheet_could_run_as_a_formula_is_a_string_cell_behind_a_space()
    {
        var injected = Enumerable.Range(0, 6).Select(i => _sheet.At(i, "管控措施")).Single(c => c.Text?.Contains("HYPERLINK", StringComparison.Ordinal) == true);

        injected.ShouldBe(new SheetCell(" " + ExportedRegisterDatabase.InjectedMeasure, CellValues.InlineString, null));
        _sheet.At(0, "风险事件").Text.ShouldBe(" -装卸时静电");
        _sheet.HasFormulas.ShouldBeFalse();
    }

    [Theory]
    [InlineData("=1+1", " =1+1")]
    [InlineData("+86 532", " +86 532")]
    [InlineData("-5", " -5")]
    [InlineData("@SUM(A1)", " @SUM(A1)")]
    [InlineData("\tcmd", " \tcmd")]
    [InlineData("\rcmd", " \rcmd")]
    [InlineData("液位-压力=正常", "液位-压力=正常")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Only_text_beginning_with_a_formula_trigger_is_prefixed(string? text, string? written)
    {
        RiskRegisterWorkbook.SafeText(text).ShouldBe(written);
    }

    [Fact]
    public void Measures_are_written_in_the_words_the_importer_reads_with_cycles_in_the_stored_unit()
    {
        // 周 and 季 are not stored (docs/domain/dual-prevention.md#51-task-definitions): a weekly check is 7 天 and a
        // quarterly one 3 月, and is written so.
        var weekly = 5;
        _sheet.At(weekly, "管控措施").Text.ShouldBe("脱水作业双阀操作，全程有人监护");
        _sheet.At(weekly, "措施分类一级").Text.ShouldBe("操作行为");
        _sheet.At(weekly, "措施分类二级").Text.ShouldBe("操作记录");
        _sheet.At(weekly, "管控方式").Text.ShouldBe("隐患排查");
        _sheet.At(weekly, "排查内容").Text.ShouldBe("检查：脱水作业双阀操作，全程有人监护");
        _sheet.At(weekly, "排查周期").ShouldBe(new SheetCell("7", null, null));
        _sheet.At(weekly, "周期单位").Text.ShouldBe("天");
        _sheet.At(weekly, "管控层级").Text.ShouldBe("公司级");
        _sheet.At(weekly, "责任部门").Text.ShouldBe("生产部");
        _sheet.At(weekly, "责任人").Text.ShouldBe("张工");
        _sheet.At(weekly, "任务类型").Text.ShouldBe("主要负责人任务");
        _sheet.At(weekly, "工作日类型").Text.ShouldBe("每天");
        _sheet.At(weekly, "工作开始时间").Text.ShouldBeNull();

        var quarterly = 1;
        _sheet.At(quarterly, "措施分类一级").Text.ShouldBe("应急措施");
        _sheet.At(quarterly, "措施分类二级").Text.ShouldBe("个体防护");
        _sheet.At(quarterly, "措施分类三级").Text.ShouldBe("呼吸防护");
        _sheet.At(quarterly, "管控方式").Text.ShouldBe("自动化监控");
        _sheet.At(quarterly, "排查内容").Text.ShouldBeNull();
        _sheet.At(quarterly, "排查周期").Text.ShouldBe("3");
        _sheet.At(quarterly, "周期单位").Text.ShouldBe("月");
        _sheet.At(quarterly, "任务类型").Text.ShouldBe("日常任务");
        _sheet.At(quarterly, "包保任务对应项").Text.ShouldBeNull();

        var hourly = 3;
        _sheet.At(hourly, "周期单位").Text.ShouldBe("小时");
        _sheet.At(hourly, "工作日类型").Text.ShouldBe("法定工作日");
    }

    [Fact]
    public async Task Another_enterprise_cannot_be_exported_and_a_regulator_exports_only_inside_its_city()
    {
        await using var services = database.CreateServices();

        await Should.ThrowAsync<NotFoundException>(() => ExportAsync(services, TenantScope.ForEnterprise(database.Wf1), database.Qd1));
        await Should.ThrowAsync<NotFoundException>(() => ExportAsync(services, TenantScope.ForRegion("370700"), database.Qd1));
        var qingdao = ExportedSheet.Read(await ExportAsync(services, TenantScope.ForRegion("370200"), database.Qd1));
        qingdao.Rows.Select(r => r.Select(c => c.Text)).ShouldBe(_sheet.Rows.Select(r => r.Select(c => c.Text)));
    }

    [Fact]
    public async Task A_regulator_sees_the_same_rows_as_the_enterprise()
    {
        await using var services = database.CreateServices();

        var sheet = ExportedSheet.Read(await ExportAsync(services, TenantScope.ForRegion("370000"), database.Qd1));

        sheet.Rows.Select(r => r.Select(c => c.Text)).ShouldBe(_sheet.Rows.Select(r => r.Select(c => c.Text)));
    }

    private static async Task<byte[]> ExportAsync(IServiceProvider services, TenantScope scope, Guid enterpriseId)
    {
        await using var serviceScope = services.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
        var export = await serviceScope.ServiceProvider.GetRequiredService<ExportRiskRegister.Handler>().HandleAsync(new ExportRiskRegister.Query(enterpriseId), CancellationToken.None);
        using var output = new MemoryStream();
        await export.WriteToAsync(output, CancellationToken.None);
        return output.ToArray();
    }
}
