using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using static DualPrevention.Testing.Workbooks.RegisterWorkbook;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>Each trait of real workbooks, in a small generated list previewed (nothing is committed here).</summary>
public class MessyWorkbookTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private Task<ImportRiskControlList.Result> PreviewAsync(byte[] file, IReadOnlyDictionary<string, string>? mapping = null) =>
        Importer.RunAsync(database, database.Qd2, file, commit: false, mapping);

    [Fact]
    public async Task The_header_is_found_below_title_rows_and_problems_carry_the_Excel_row_number()
    {
        var file = new XlsxBuilder().Sheet("清单")
            .RowAt(1, "某公司安全风险分级管控清单").Merge("A1:V1")
            .RowAt(2, "编制部门：安全部", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "编制日期：")
            .RowAt(5, Header())
            .RowAt(6, Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"))
            .RowAt(8, Measure(2, null, null, null, null, "巡检", cycleUnit: "旬"))
            .Build();

        var result = await PreviewAsync(file);

        result.Columns.Count(c => c.Field is not null).ShouldBe(22);
        result.DataRows.ShouldBe(2);
        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Severity, problem.Sheet, problem.Row, problem.Column, problem.Header).ShouldBe((ImportSeverity.Error, "清单", 8, "R", "周期单位"));
        problem.Message.ShouldContain("旬");
    }

    [Fact]
    public async Task Header_variants_with_spaces_line_breaks_full_width_characters_and_trailing_blanks_are_recognised()
    {
        var header = Header();
        header[1] = "风险\n分析对象";
        header[2] = " 对象编码 ";
        header[7] = "Ｌ";
        header[8] = "Ｓ（严重性）";
        header[10] = "风险等级\u3000\u3000";
        header[11] = "管 控 措 施";
        header[16] = "排查\r\n周期";
        var file = new XlsxBuilder().Sheet("清单").Row(header)
            .Row(Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"))
            .Build();

        var result = await PreviewAsync(file);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        result.Columns.Where(c => c.Field is null).ShouldBeEmpty();
        result.Measures.New.ShouldBe(1);
    }

    [Fact]
    public async Task Object_unit_and_event_cells_merged_down_belong_to_every_measure_they_cover()
    {
        var file = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "罐区", "370200111", "1#储罐", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"))
            .Row(Measure(2, null, null, null, null, "定期巡检"))
            .Row(Measure(3, null, null, "2#储罐", "泄漏火灾", "液位报警", 2, 5, 10, "一般风险"))
            .Row(Measure(4, null, null, null, "超压爆炸", "安全阀校验", 1, 5, 5, "低风险"))
            .Merge("B2:B5").Merge("C2:C5").Merge("D2:D3").Merge("E2:E3").Merge("H2:H3").Merge("I2:I3").Merge("J2:J3").Merge("K2:K3")
            .Build();

        var result = await PreviewAsync(file);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((1, 2, 3, 4));
        result.WarningCount.ShouldBe(0, Importer.Describe(result));
    }

    [Fact]
    public async Task A_new_unit_without_its_event_is_an_error_rather_than_inheriting_the_event_above()
    {
        var file = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "罐区", "370200111", "1#储罐", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"))
            .Row(Measure(2, null, null, "2#储罐", null, "液位报警"))
            .Build();

        var result = await PreviewAsync(file);

        var problem = result.Problems.ShouldHaveSingleItem();
        (problem.Row, problem.Column, problem.Header).ShouldBe((3, "E", "风险事件"));
    }

    [Fact]
    public async Task Times_stored_as_numbers_or_time_formatted_cells_become_work_hours()
    {
        var header = RiskRegisterLayout.Columns.Select(c => (object?)c.Header).ToArray();
        object?[] Row(int no, string measure, object start, object end) =>
            [.. Measure(no, "罐区", "370200111", "储罐", "泄漏火灾", measure, 3, 5, 15, "较大风险", cycle: 2, cycleUnit: "小时"), null, null, null, null, start, end, "每天"];
        var file = new XlsxBuilder().Sheet("清单").Row(header)
            .Row(Row(1, "巡检一", 1.0 / 3, 0.75))
            .Row(Row(2, "巡检二", new TimeOnly(8, 30), new TimeOnly(17, 30)))
            .Row(Row(3, "巡检三", "8:00", "１８：００"))
            .Row(Row(4, "巡检四", new DateTime(2026, 3, 1), "下午"))
            .Build();

        var result = await PreviewAsync(file);

        result.Problems.Where(p => p.Severity == ImportSeverity.Error).Select(p => (p.Row, p.Column)).ShouldBe([(5, "AB")], Importer.Describe(result));
        result.Measures.New.ShouldBe(3);
    }

    [Fact]
    public async Task A_formula_without_a_saved_value_is_an_error_where_it_matters_and_recomputed_where_it_does_not()
    {
        var first = Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "液位报警", 3, 5, new XlsxBuilder.FormulaCell("H2*I2"), "较大风险");
        var second = Measure(2, null, null, "泵房", "泵密封泄漏", "密封检查", new XlsxBuilder.FormulaCell("2+1"), 4, 12, "一般风险");
        var file = new XlsxBuilder().Sheet("清单").Row(Header()).Row(first).Row(second).Build();

        var result = await PreviewAsync(file);

        result.Problems.Select(p => (p.Severity, p.Row, p.Column)).ShouldBe(
            [(ImportSeverity.Error, 3, "H"), (ImportSeverity.Warning, 2, "J")], ignoreOrder: true, Importer.Describe(result));
    }

    [Fact]
    public async Task A_hidden_sheet_is_reported_as_skipped_and_not_imported()
    {
        var file = RegisterWorkbook.OneEvent(2)
            .Sheet("旧版", hidden: true).Row(Header()).Row(Measure(1, "旧罐区", "OLD-1", "旧储罐", "旧事件", "旧措施", 1, 1, 1, "低风险"))
            .Build();

        var result = await PreviewAsync(file);

        result.SkippedSheets.ShouldHaveSingleItem().Sheet.ShouldBe("旧版");
        (result.Objects.New, result.Measures.New).ShouldBe((1, 2));
    }

    [Fact]
    public async Task Several_sheets_are_imported_together_and_a_sheet_without_a_header_is_skipped()
    {
        var file = RegisterWorkbook.OneEvent(2, "罐区")
            .Sheet("说明").Row("填表说明：每行一条管控措施")
            .Sheet("装置").Row(Header()).Row(Measure(1, "加氢装置", "NONMHS-1", "反应器", "飞温超压", "SIS联锁", 2, 5, 10, "一般风险"))
            .Build();

        var result = await PreviewAsync(file);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((2, 2, 2, 3));
        result.SkippedSheets.Select(s => s.Sheet).ShouldBe(["说明"]);
        result.Columns.Select(c => c.Sheet).Distinct().ShouldBe(["罐区", "装置"]);
    }

    [Fact]
    public async Task A_legacy_xls_with_merged_cells_reads_like_an_xlsx()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Imports", "Fixtures", "merged-list.xls"));

        var result = await PreviewAsync(file);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((1, 2, 2, 3));
    }

    [Fact]
    public async Task A_level_or_score_that_disagrees_with_the_computation_is_a_warning_naming_both_values()
    {
        var file = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "液位报警", 3, 5, 12, "一般风险"))
            .Build();

        var result = await PreviewAsync(file);

        result.ErrorCount.ShouldBe(0);
        result.Problems.Select(p => p.Column).ShouldBe(["J", "K"], ignoreOrder: true);
        result.Problems.Single(p => p.Column == "K").Message.ShouldContain("较大风险");
        result.Problems.Single(p => p.Column == "J").Message.ShouldContain("15");
    }

    [Fact]
    public async Task An_unrecognised_column_can_be_mapped_by_the_user_and_the_preview_reruns_with_it()
    {
        var header = Header();
        header[11] = "要采取的措施";
        var file = new XlsxBuilder().Sheet("清单").Row(header)
            .Row(Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "液位报警", 3, 5, 15, "较大风险"))
            .Build();

        var unmapped = await PreviewAsync(file, new Dictionary<string, string>());
        var mapped = await PreviewAsync(file, new Dictionary<string, string> { [HeaderText.Normalize("要采取的措施")] = nameof(RegisterColumn.MeasureDescription) });

        unmapped.Columns.Single(c => c.Letter == "L").Field.ShouldBeNull();
        unmapped.Problems.ShouldContain(p => p.Severity == ImportSeverity.Error && p.Header == "管控措施");
        mapped.ErrorCount.ShouldBe(0, Importer.Describe(mapped));
        mapped.Measures.New.ShouldBe(1);
    }

    [Fact]
    public async Task Weekly_and_quarterly_cycles_travel_as_days_and_months()
    {
        var file = new XlsxBuilder().Sheet("清单").Row(Header())
            .Row(Measure(1, "罐区", "370200111", "储罐", "泄漏火灾", "每周检查", 3, 5, 15, "较大风险", cycle: 2, cycleUnit: "周"))
            .Row(Measure(2, null, null, null, null, "每季检查", cycle: 1, cycleUnit: "季"))
            .Row(Measure(3, null, null, null, null, "技术负责人检查", taskType: "技术负责人任务"))
            .Build();

        var result = await Importer.RunAsync(database, database.Wf1, file, commit: true);

        result.Committed.ShouldBeTrue(Importer.Describe(result));
        result.Problems.ShouldHaveSingleItem().Severity.ShouldBe(ImportSeverity.Warning);
        await using var db = database.AppContext(Core.Tenancy.TenantScope.ForEnterprise(database.Wf1));
        var cycles = db.ControlMeasures.OrderBy(m => m.Description).Select(m => new { m.Description, m.CycleValue, m.CycleUnit, m.TaskType }).ToList();
        cycles.Single(m => m.Description == "每周检查").ShouldSatisfyAllConditions(m => m.CycleValue.ShouldBe(14), m => m.CycleUnit.ShouldBe(CycleUnit.Day));
        cycles.Single(m => m.Description == "每季检查").ShouldSatisfyAllConditions(m => m.CycleValue.ShouldBe(3), m => m.CycleUnit.ShouldBe(CycleUnit.Month));
        cycles.Single(m => m.Description == "技术负责人检查").TaskType.ShouldBe(InspectionTaskType.TechnicalResponsible);
    }
}
