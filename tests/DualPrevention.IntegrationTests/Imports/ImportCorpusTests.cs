using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Register;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>
/// Workbooks in the layouts of public templates (docs/import-corpus.md names each source), previewed with the
/// sheet's questions answered; each must read completely with the counts its rows give.
/// </summary>
public class ImportCorpusTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task A_JHA_record_xls_with_its_form_lines_a_风险等级_group_and_a_signature_line_imports_its_steps()
    {
        const string Sheet = CorpusWorkbooks.JhaSheet;
        var file = CorpusWorkbooks.JhaRecord();

        var result = await PreviewAsync(file, [new(Sheet, RegisterColumn.Classify2, "3-2"), new(Sheet, RegisterColumn.ControlLevel, "班组级"), new(Sheet, RegisterColumn.CycleValue, "1天")]);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.DataRows, result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((3, 1, 3, 3, 3));
        result.SkippedRows.Select(r => (r.Row, r.Kind)).ShouldBe([(1, SkippedRowKind.Title), (2, SkippedRowKind.Title), (8, SkippedRowKind.Note)]);
        result.Problems.ShouldContain(p => p.Column == "J" && p.Header == "建议改进措施", Importer.Describe(result));
    }

    [Fact]
    public async Task An_SCL_record_with_检查项目_检查标准_and_未达到标准的主要后果_imports_its_items()
    {
        const string Sheet = "SCL分析记录";
        var file = new XlsxBuilder().Sheet(Sheet)
            .Row("安全检查表（SCL）分析记录表")
            .Row("区域/工艺过程：罐区", null, null, "装置/设备/设施：液氨储罐", null, null, "日期：2025-10-08")
            .Row("序号", "检查项目", "检查标准", "未达到标准的主要后果", "L", "S", "R", "风险等级", "现有的控制措施", "建议改进措施")
            .Row(1, "安全阀", "安全阀在校验有效期内", "容器爆炸", 2, 5, 10, "一般", "每年校验安全阀", null)
            .Row(2, "液位计", "液位计指示清晰准确", "泄漏", 3, 4, 12, "较大", "每班检查液位计指示", null)
            .Row(3, "防雷接地", "接地电阻不大于10Ω", "火灾", 2, 4, 8, "一般", "每年检测防雷接地", "增加静电释放柱")
            .Row(4, null, "接地线连接牢固", "火灾", 2, 4, 8, "一般", "每月检查接地线", null)
            .Merge("B6:B7")
            .Build();

        var result = await PreviewAsync(file, [new(Sheet, RegisterColumn.ControlLevel, "车间级"), new(Sheet, RegisterColumn.CycleValue, "1月")]);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.DataRows, result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((4, 1, 3, 4, 4));
        result.Questions.ShouldNotContain(q => q.Field == RegisterColumn.Classify2, "安全阀, 液位计 and 接地 tell the class");
        result.SkippedRows.Select(r => r.Row).ShouldBe([1, 2]);
    }

    [Fact]
    public async Task A_风险分级管控一览表_xls_of_areas_without_units_imports_each_area_as_one_unit()
    {
        const string Sheet = "风险分级管控一览表";
        var file = new XlsxBuilder().Sheet(Sheet)
            .Row("序号", "区域", "危险因素", "事故类型", "L", "S", "R", "风险等级", "管控措施", "应急设施", "责任部门")
            .Row(1, "变电站", "带电设备触电", "触电", 4, 3, 12, "较大", "未经培训合格人员不可操作，定期巡检", "绝缘棒、绝缘靴", "设备部")
            .Row(2, "空调房", "设备漏电", "触电", 3, 3, 9, "一般", "定期对设备进行维护保养", "绝缘手套", "行政部")
            .Row(3, "纯水房", "高处坠落", "高处坠落", 2, 2, 4, "一般", "正确穿戴个人防护用品", "安全带", "生产部")
            .BuildXls();

        var result = await PreviewAsync(file, [new(Sheet, RegisterColumn.Classify2, "3-4"), new(Sheet, RegisterColumn.ControlLevel, "车间级"), new(Sheet, RegisterColumn.CycleValue, "1周")]);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.DataRows, result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((3, 3, 3, 3, 3));
        result.Problems.ShouldContain(p => p.Severity == ImportSeverity.Warning && p.Header == "应急设施", Importer.Describe(result));
    }

    [Fact]
    public async Task An_SCL_record_per_device_headed_项目_危害_后果_with_merged_items_imports_each_hazard()
    {
        const string Sheet = "合成釜";
        var file = new XlsxBuilder().Sheet(Sheet)
            .Row("安全检查（SCL）分析记录表").Merge("A1:I1")
            .Row("编号：SCL-03", null, "设备名称：合成釜", null, "分析人员：张三", null, null, "分析日期：2025-09-12")
            .Row("序号", "项目", "危害", "后果", "现有的控制措施", "L", "S", "R", "建议改正/控制措施")
            .Row(1, "电机", "电机轴承温度过高", "电机烧毁", "每班测一次轴承温度", 1, 3, 3, null)
            .Row(null, null, "静电接地线松脱", "静电积聚引发火灾", "每周检查接地线", 2, 3, 6, null)
            .Row(null, null, "防爆按钮外壳破损", "火灾", "发现破损及时更换", 1, 5, 5, "更换为隔爆型按钮盒")
            .Row(2, "润滑", "润滑油油位低", "机体磨损", "每班巡检油位", 1, 3, 3, null)
            .Row(3, "安全附件", "压力表指示失准", "超压损坏设备", "压力表定期校验", 1, 3, 3, null)
            .Row(null, null, "安全阀根部阀关闭", "超压爆炸", "根部阀常开并加铅封", 2, 3, 6, null)
            .Merge("A4:A6").Merge("B4:B6").Merge("A8:A9").Merge("B8:B9")
            .Build();

        var result = await PreviewAsync(file, [new(Sheet, RegisterColumn.Classify2, "3-2"), new(Sheet, RegisterColumn.ControlLevel, "岗位级"), new(Sheet, RegisterColumn.CycleValue, "1天")]);

        result.ErrorCount.ShouldBe(0, Importer.Describe(result));
        (result.DataRows, result.Objects.New, result.Units.New, result.Events.New, result.Measures.New).ShouldBe((6, 1, 3, 6, 6));
        result.SkippedRows.Select(r => (r.Row, r.Kind)).ShouldBe([(1, SkippedRowKind.Title), (2, SkippedRowKind.Title)]);
        result.Columns.Where(c => c.Field is not null).Select(c => (c.Header, c.Field)).ShouldContain(("后果", RegisterColumn.AccidentType), "后果 beside L/S/R is the accident, not the LEC consequence");
        result.Problems.ShouldContain(p => p.Column == "I" && p.Header == "建议改正/控制措施", Importer.Describe(result));
    }

    [Fact]
    public async Task A_monthly_ledger_with_隐患部位_整改措施及要求_and_整改情况_imports_its_rows()
    {
        var file = CorpusWorkbooks.MonthlyLedger();

        var actor = As.Enterprise(database.Qd1, Core.Accounts.Roles.EnterpriseAdmin);
        var result = await As.RunAsync<ImportHiddenDangerLedger.Handler, ImportHiddenDangerLedger.Result>(
            database, actor, h => h.HandleAsync(actor, new ImportHiddenDangerLedger.Command(file, "台账.xls", Commit: false), CancellationToken.None));

        result.ErrorCount.ShouldBe(0, string.Join("\n", result.Problems.Select(p => $"{p.Row}{p.Column} {p.Message}")));
        (result.DataRows, result.New, result.General).ShouldBe((2, 2, 2));
        result.SkippedRows.Select(r => (r.Row, r.Kind)).ShouldBe([(1, SkippedRowKind.Title), (5, SkippedRowKind.Note)]);
        result.Columns.Where(c => c.Field is null).ShouldBeEmpty();
    }

    private Task<ImportRiskControlList.Result> PreviewAsync(byte[] file, IReadOnlyList<ImportAnswer> answers) =>
        Importer.RunAsync(database, database.Qd2, file, commit: false, answers: answers);
}
