using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>The real workbooks that were refused or misread when tried after round one, each reproduced in its layout.</summary>
public class RealWorkbookDefectTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_list_headed_危险源_风险事件_without_code_class_or_level_columns_and_a_hidden_dictionary_is_read_not_refused()
    {
        var file = new XlsxBuilder()
            .Sheet("风险分级管控清单")
            .Row("青岛某化工有限公司安全风险分级管控清单").Merge("A1:M1")
            .Row("序号", "风险分析对象", "风险分析单元", "危险源/风险事件", "可能导致的事故类型", "L", "S", "R", "风险等级", "管控措施", "排查周期", "责任部门", "责任人")
            .Row(1, "一号罐区", "1#甲醇储罐", "储罐泄漏引发火灾", "火灾、爆炸", 3, 5, 15, "较大风险", "设置液位高高报警并联锁切断进料", "1天", "储运车间", "张工")
            .Row(2, null, null, null, null, null, null, null, null, "罐区作业人员持证上岗", "1月", "储运车间", "张工")
            .Row(3, null, null, "储罐超压爆炸", "容器爆炸", 2, 5, 10, "一般风险", "定期校验呼吸阀和阻火器", "1年", "设备部", "李工")
            .Row(4, null, "装卸区", "装卸时静电引发火灾", "火灾", 3, 4, 12, "较大风险", "装卸前检查静电接地", "1天", "储运车间", "王工")
            .Row(5, "合成车间", "反应釜", "反应失控超温超压", "爆炸", 2, 5, 10, "一般风险", "反应温度与进料联锁", "1天", "合成车间", "赵工")
            .Row(6, null, null, null, null, null, null, null, null, "每班巡检反应釜温度压力", "1天", "合成车间", "赵工")
            .Merge("B3:B6").Merge("C3:C5").Merge("D3:D4").Merge("E3:E4").Merge("F3:F4").Merge("G3:G4").Merge("H3:H4").Merge("I3:I4").Merge("B7:B8").Merge("C7:C8")
            .Sheet("字典", hidden: true)
            .Row("管控层级", "风险等级", "周期单位")
            .Row("公司级", "重大风险", "天")
            .Row("车间级", "较大风险", "月")
            .Build();

        var result = await Importer.RunAsync(database, database.Qd2, file, commit: false);
        var answered = await Importer.RunAsync(database, database.Qd2, file, commit: false, answers: [new("风险分级管控清单", RegisterColumn.ControlLevel, "车间级")]);

        result.DataRows.ShouldBe(6, Importer.Describe(result));
        result.Problems.ShouldNotContain(p => p.Message.Contains("对象编码") || p.Message.Contains("措施分类") || p.Message.Contains("管控层级"), Importer.Describe(result));
        result.Problems.ShouldNotContain(p => p.Message.Contains("no data rows") || p.Message.Contains("没有数据行"), Importer.Describe(result));
        result.Columns.Single(c => c.Header == "危险源/风险事件").Field.ShouldBe(RegisterColumn.EventName);
        result.Questions.Select(q => (q.Field, q.Rows, q.Required, q.Answer)).ShouldBe([(RegisterColumn.ControlLevel, 6, true, (string?)null)]);
        result.SkippedRows.ShouldBe([new SkippedRow("风险分级管控清单", 1, SkippedRowKind.Title, "青岛某化工有限公司安全风险分级管控清单")]);
        result.SkippedSheets.ShouldHaveSingleItem().Sheet.ShouldBe("字典");
        answered.ErrorCount.ShouldBe(0, Importer.Describe(answered));
        (answered.Objects.New, answered.Units.New, answered.Events.New, answered.Measures.New).ShouldBe((2, 3, 4, 6));
    }

    [Fact]
    public async Task The_identification_date_of_an_event_is_stored_on_it()
    {
        var file = new XlsxBuilder().Sheet("清单")
            .Row("风险分析对象", "风险分析单元", "风险事件", "辨识日期", "L", "S", "管控措施", "排查周期", "管控层级")
            .Row("二号罐区", "3#储罐", "储罐溢罐", new DateTime(2025, 11, 20), 2, 4, "设置液位高高报警", "1天", "班组级")
            .Row("二号罐区", "3#储罐", "储罐腐蚀泄漏", "2025年11月21日", 2, 4, "定期测厚检查", "1月", "车间级")
            .Build();

        var committed = await Importer.RunAsync(database, database.Wf1, file, commit: true);

        committed.Committed.ShouldBeTrue(Importer.Describe(committed));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Wf1));
        (await db.RiskEvents.Where(e => e.Name.StartsWith("储罐")).Select(e => e.IdentifiedOn).ToListAsync())
            .ShouldBe([new DateOnly(2025, 11, 21), new DateOnly(2025, 11, 20)], ignoreOrder: true);
    }

    [Fact]
    public async Task The_emergency_phone_and_measures_of_a_unit_are_stored_on_it_and_a_malformed_phone_is_an_error()
    {
        var file = new XlsxBuilder().Sheet("清单")
            .Row("风险分析对象", "风险分析单元", "风险事件", "L", "S", "管控措施", "排查周期", "管控层级", "应急联系电话", "应急措施")
            .Row("四号罐区", "5#储罐", "溢罐", 2, 4, "设置液位高高报警", "1天", "班组级", "0536-7654321", "关闭进料阀，启动围堰")
            .Row("四号罐区", "5#储罐", "罐壁腐蚀泄漏", 2, 4, "定期测厚检查", "1月", "车间级", null, null)
            .Row("四号罐区", "6#储罐", "溢罐", 2, 4, "设置液位高高报警", "1天", "班组级", "应急电话见墙", null)
            .Build();

        var checkedOnly = await Importer.RunAsync(database, database.Wf1, file, commit: false);
        var fixedFile = new XlsxBuilder().Sheet("清单")
            .Row("风险分析对象", "风险分析单元", "风险事件", "L", "S", "管控措施", "排查周期", "管控层级", "应急电话", "应急处置措施")
            .Row("四号罐区", "5#储罐", "溢罐", 2, 4, "设置液位高高报警", "1天", "班组级", "0536-7654321", "关闭进料阀，启动围堰")
            .Row("四号罐区", "5#储罐", "罐壁腐蚀泄漏", 2, 4, "定期测厚检查", "1月", "车间级", null, null)
            .Build();
        var committed = await Importer.RunAsync(database, database.Wf1, fixedFile, commit: true);

        checkedOnly.Columns.Single(c => c.Header == "应急联系电话").Field.ShouldBe(RegisterColumn.EmergencyPhone);
        checkedOnly.Columns.Single(c => c.Header == "应急措施").Field.ShouldBe(RegisterColumn.EmergencyMeasures);
        checkedOnly.Problems.ShouldContain(p => p.Severity == ImportSeverity.Error && p.Row == 4 && p.Column == "I", Importer.Describe(checkedOnly));
        committed.Committed.ShouldBeTrue(Importer.Describe(committed));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Wf1));
        var unit = await db.RiskAnalysisUnits.SingleAsync(u => u.Name == "5#储罐");
        unit.EmergencyPhone.ShouldBe("0536-7654321");
        unit.EmergencyMeasures.ShouldBe("关闭进料阀，启动围堰");
    }

    [Fact]
    public async Task An_LEC_xls_with_危险评价_over_L_E_C_D_and_a_space_padded_危险级别_finds_its_header()
    {
        var file = new XlsxBuilder()
            .Sheet("作业活动风险评价")
            .Row("序号", "作业活动", "危险源", "可能导致的事故", "危险评价", null, null, null, "危险级别" + new string(' ', 12), "现有控制措施")
            .Row(null, null, null, null, "L", "E", "C", "D")
            .Row(1, "储罐清罐作业", "罐内有毒气体未置换", "中毒和窒息", 3, 6, 15, 270, "重大风险", "作业前置换并检测氧含量")
            .Row(2, "动火作业", "动火点周围有可燃物", "火灾", 3, 6, 7, 126, "较大风险", "清理动火点周围可燃物")
            .Row(3, "高处作业", "未系安全带", "高处坠落", 1, 6, 7, 42, "一般风险", "作业人员佩戴安全带")
            .Merge("A1:A2").Merge("B1:B2").Merge("C1:C2").Merge("D1:D2").Merge("E1:H1").Merge("I1:I2").Merge("J1:J2")
            .BuildXls();

        var result = await Importer.RunAsync(database, database.Qd2, file, commit: false);
        const string Sheet = "作业活动风险评价";
        var answered = await Importer.RunAsync(database, database.Qd2, file, commit: false, answers:
        [
            new(Sheet, RegisterColumn.Classify2, "3-4"), new(Sheet, RegisterColumn.ControlLevel, "班组级"), new(Sheet, RegisterColumn.CycleValue, "1天"),
        ]);

        result.DataRows.ShouldBe(3, Importer.Describe(result));
        var fields = result.Columns.Where(c => c.Field is not null).Select(c => (c.Letter, c.Field!.Value)).ToList();
        fields.ShouldContain(("E", RegisterColumn.Likelihood));
        fields.ShouldContain(("F", RegisterColumn.Exposure));
        fields.ShouldContain(("G", RegisterColumn.Consequence));
        fields.ShouldContain(("H", RegisterColumn.Score));
        fields.ShouldContain(("I", RegisterColumn.Level));
        result.Questions.Select(q => (q.Field, q.Rows)).ShouldBe(
            [(RegisterColumn.Classify2, 2), (RegisterColumn.ControlLevel, 3), (RegisterColumn.CycleValue, 3), (RegisterColumn.ResponsibleDepartment, 3)]);
        answered.ErrorCount.ShouldBe(0, Importer.Describe(answered));
        (answered.Objects.New, answered.Units.New, answered.Events.New, answered.Measures.New).ShouldBe((1, 3, 3, 3));
        answered.SkippedRows.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_ledger_with_two_title_rows_and_说明_footnotes_merged_across_the_row_reads_only_its_data_rows()
    {
        var file = new XlsxBuilder().Sheet("隐患台账")
            .Row("2026年度隐患排查治理台账").Merge("A1:F1")
            .Row("单位：青岛某化工有限公司", null, null, null, "填报日期：2026-04-01").Merge("A2:D2").Merge("E2:F2")
            .Row("序号", "问题描述", "检查时间", "隐患级别", "责任人", "隐患状态")
            .Row(1, "消防栓被遮挡", new DateTime(2026, 3, 1), "一般事故隐患", "张三", "已整改")
            .Row(2, "配电柜接地线松动", new DateTime(2026, 3, 2), "一般事故隐患", "李四", "整改中")
            .Row("说明：1.隐患级别分为一般事故隐患和重大事故隐患；").Merge("A6:F6")
            .Row("说明：2.本台账每月更新一次，由安全部汇总。").Merge("A7:F7")
            .Row("注：已整改隐患须附整改前后照片。").Merge("A8:F8")
            .Build();

        var result = await LedgerAsync(database.Qd2, file, commit: false);

        result.ErrorCount.ShouldBe(0, Describe(result));
        (result.DataRows, result.New).ShouldBe((2, 2));
        result.SkippedRows.Select(r => (r.Row, r.Kind)).ShouldBe(
            [(1, SkippedRowKind.Title), (2, SkippedRowKind.Title), (6, SkippedRowKind.Note), (7, SkippedRowKind.Note), (8, SkippedRowKind.Note)]);
    }

    [Fact]
    public async Task A_ledger_column_整改措施与要求_merged_across_five_columns_is_imported_and_an_unmapped_column_is_warned_about()
    {
        var file = new XlsxBuilder().Sheet("台账")
            .Row("序号", "问题描述", "检查时间", "隐患级别", "整改措施与要求", null, null, null, null, "隐患状态", "照片编号")
            .Row("A-1", "罐区围堰破损", new DateTime(2026, 3, 1), "一般事故隐患", "修补围堰并做防渗处理，由储运车间负责", null, null, null, null, "整改中", "P001")
            .Row("A-2", "消防通道堵塞", new DateTime(2026, 3, 2), "一般事故隐患", "清理通道并划线", null, null, null, null, "已整改", "P002")
            .Merge("E1:I1").Merge("E2:I2").Merge("E3:I3")
            .Build();

        var preview = await LedgerAsync(database.Wf1, file, commit: false);
        var committed = await LedgerAsync(database.Wf1, file, commit: true);

        preview.ErrorCount.ShouldBe(0, Describe(preview));
        preview.Problems.ShouldContain(p => p.Severity == ImportSeverity.Warning && p.Column == "K" && p.Header == "照片编号", Describe(preview));
        preview.Problems.ShouldNotContain(p => p.Column == "F" || p.Column == "G" || p.Column == "H" || p.Column == "I", Describe(preview));
        committed.Committed.ShouldBeTrue(Describe(committed));
        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Wf1));
        (await db.HiddenDangers.SingleAsync(h => h.LedgerNo == "A-1")).RemediationMeasures.ShouldBe("修补围堰并做防渗处理，由储运车间负责");
    }

    private Task<ImportHiddenDangerLedger.Result> LedgerAsync(Guid enterpriseId, byte[] file, bool commit)
    {
        var actor = As.Enterprise(enterpriseId, Core.Accounts.Roles.EnterpriseAdmin);
        return As.RunAsync<ImportHiddenDangerLedger.Handler, ImportHiddenDangerLedger.Result>(
            database, actor, h => h.HandleAsync(actor, new ImportHiddenDangerLedger.Command(file, "隐患台账.xlsx", commit), CancellationToken.None));
    }

    private static string Describe(ImportHiddenDangerLedger.Result result) =>
        string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Sheet}!{p.Column}{p.Row} [{p.Header}] {p.Message}"));
}
