namespace DualPrevention.Testing.Workbooks;

/// <summary>
/// Workbooks of the import corpus (docs/import-corpus.md) that more than one test uploads: the integration tests
/// preview them, the browser tests walk their preview.
/// </summary>
public static class CorpusWorkbooks
{
    /// <summary>The sheet of <see cref="JhaRecord"/>; a list without an object column names its object after it.</summary>
    public const string JhaSheet = "JHA记录表";

    /// <summary>
    /// Corpus 6: a 工作危害分析（JHA）记录表 (.xls) with a title row, a 单位/工作岗位/工作任务/日期 form line, 风险等级 over
    /// L/S/R/等级 and a signature line; no class, control level, cycle or department column. Three steps.
    /// </summary>
    public static byte[] JhaRecord() =>
        new XlsxBuilder().Sheet(JhaSheet)
            .Row("工作危害分析（JHA）记录表").Merge("A1:J1")
            .Row("单位：储运车间", null, "工作岗位：装卸工", null, "工作任务：液氨装车", null, null, "日期：2025-10-01").Merge("A2:B2").Merge("C2:D2").Merge("E2:G2").Merge("H2:J2")
            .Row("序号", "工作步骤", "危害或潜在事件", "主要后果", "风险等级", null, null, null, "现有的控制措施", "建议改进措施")
            .Row(null, null, null, null, "L", "S", "R", "等级")
            .Row(1, "连接装车鹤管", "鹤管连接不严液氨泄漏", "中毒和窒息", 3, 4, 12, "较大", "连接后进行气密性检查并佩戴防毒面具", "增设泄漏报警")
            .Row(2, "开启装车阀门", "超量充装", "容器爆炸", 2, 5, 10, "一般", "设置液位高高报警并联锁切断", null)
            .Row(3, "拆卸鹤管", "残液喷溅冻伤", "灼烫", 2, 3, 6, "一般", "拆卸前泄压置换", null)
            .Row("分析人员：张三", null, null, null, "审核人：李四").Merge("A8:D8").Merge("E8:J8")
            .Merge("A3:A4").Merge("B3:B4").Merge("C3:C4").Merge("D3:D4").Merge("E3:H3").Merge("I3:I4").Merge("J3:J4")
            .BuildXls();

    /// <summary>
    /// Corpus 9: a monthly hidden-danger ledger (.xls) with a title row, 隐患部位 / 整改措施及要求 / 整改情况 / 验收人 and a
    /// 备注 line. Two rows. <paramref name="reviewerHeader"/> heads the 验收人 column (a header no dictionary knows
    /// makes a column to map by hand).
    /// </summary>
    public static byte[] MonthlyLedger(string reviewerHeader = "验收人") =>
        new XlsxBuilder().Sheet("10月")
            .Row("隐患排查治理台账（2025年10月）").Merge("A1:K1")
            .Row("序号", "排查日期", "隐患部位", "隐患内容", "隐患级别", "整改措施及要求", "整改责任人", "整改期限", "整改情况", reviewerHeader, "验收日期")
            .Row(1, "2025.10.08", "液氨罐区", "罐区围堰排水阀常开", "一般隐患", "关闭排水阀并挂牌", "王五", "2025.10.08", "已整改", "李四", "2025.10.08")
            .Row(2, "2025.10.15", "配电室", "配电室挡鼠板缺失", "一般隐患", "加装挡鼠板", "赵六", "2025.10.20", "整改中", null, null)
            .Row("备注：已整改隐患附整改前后照片。").Merge("A5:K5")
            .BuildXls();
}
