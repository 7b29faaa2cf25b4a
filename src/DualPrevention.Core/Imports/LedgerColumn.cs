namespace DualPrevention.Core.Imports;

/// <summary>The fields a historical hidden-danger ledger (隐患排查治理台账) can carry.</summary>
public enum LedgerColumn
{
    LedgerNo = 1,
    Name,
    Description,
    FoundOn,
    Category,
    Level,
    Location,
    Rectifier,
    Deadline,
    Measures,
    RemediationType,
    Cause,
    Cost,
    ReviewResult,
    ReviewedOn,
    Reviewer,
    State,
}

/// <summary>
/// The headers ledgers use for each <see cref="LedgerColumn"/>, compared after <see cref="HeaderText.Normalize"/>.
/// Seeded from the exports of enterprise and construction-site HSE systems (the sample ledger of
/// src/DualPrevention.Core/Demo/README.md).
/// </summary>
public static class LedgerSynonyms
{
    /// <summary>Columns without which a row cannot become a hidden danger.</summary>
    public static readonly LedgerColumn[] Required = [LedgerColumn.Description, LedgerColumn.FoundOn, LedgerColumn.Level, LedgerColumn.State];

    private static readonly (LedgerColumn Column, string[] Headers)[] Table =
    [
        (LedgerColumn.LedgerNo, ["序号", "编号", "隐患编号", "台账编号", "No"]),
        (LedgerColumn.Name, ["隐患名称", "名称"]),
        (LedgerColumn.Description, ["问题描述", "隐患描述", "隐患内容", "存在问题", "隐患情况", "隐患问题", "存在的问题", "隐患内容描述", "事故隐患内容", "隐患简述", "隐患描述及位置", "检查发现的问题"]),
        (LedgerColumn.FoundOn, ["检查时间", "检查日期", "发现时间", "发现日期", "排查时间", "排查日期", "登记时间", "登记日期", "上报时间", "上报日期", "排查发现时间"]),
        (LedgerColumn.Category, ["隐患类型", "类型", "隐患分类"]),
        (LedgerColumn.Level, ["隐患级别", "隐患等级", "级别", "等级", "隐患级别一般重大"]),
        (LedgerColumn.Location, ["责任单位", "责任部门", "隐患部位", "所在部位", "隐患位置", "位置", "区域"]),
        (LedgerColumn.Rectifier, ["责任人", "整改责任人", "整改人", "整改负责人"]),
        (LedgerColumn.Deadline, ["整改期限", "整改时限", "治理期限", "完成期限", "整改完成期限"]),
        (LedgerColumn.Measures, ["处置措施", "整改措施", "治理措施", "整改措施与要求", "整改措施及要求", "整改要求", "整改建议", "治理措施及要求", "整改方案"]),
        (LedgerColumn.RemediationType, ["治理类型", "整改类型", "整改方式"]),
        (LedgerColumn.Cause, ["原因分析", "隐患原因", "隐患原因分析"]),
        (LedgerColumn.Cost, ["治理资金", "整改资金", "治理资金万元", "整改资金万元"]),
        (LedgerColumn.ReviewResult, ["复查结果", "验收结果", "验收意见", "复查意见"]),
        (LedgerColumn.ReviewedOn, ["复查日期", "复查时间", "验收日期", "验收时间"]),
        (LedgerColumn.Reviewer, ["复查人", "验收人"]),
        (LedgerColumn.State, ["隐患状态", "状态", "整改状态", "治理状态", "整改情况", "完成情况", "是否整改完成"]),
    ];

    /// <summary>Normalised header → field.</summary>
    public static IReadOnlyDictionary<string, LedgerColumn> ByHeader { get; } =
        Table.SelectMany(t => t.Headers.Select(h => (Key: HeaderText.Normalize(h), t.Column))).ToDictionary(x => x.Key, x => x.Column, StringComparer.Ordinal);

    /// <summary>The platform's header of a field (its first synonym), for messages.</summary>
    public static string HeaderOf(LedgerColumn column) => Table.First(t => t.Column == column).Headers[0];
}
