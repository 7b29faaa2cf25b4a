using DualPrevention.Core.Regions;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// The columns of the compliance report (docs/domain/dual-prevention.md#91-rates-and-counts), defined once for the
/// .xlsx, .csv and .pdf files and the on-screen table. Levels run 重大, 较大, 一般, 低 as in
/// <see cref="ComplianceMetrics.UnitsByLevel"/>; the 包保 roles run 主要负责人, 技术负责人, 操作负责人 as in
/// <see cref="ComplianceMetrics.AccountabilityDue"/>.
/// </summary>
public static class ComplianceColumns
{
    /// <summary>Columns that identify the row; files keep them in view while scrolling (frozen panes).</summary>
    public const int KeyColumns = 3;

    private const string Units = "风险单元";
    private const string Events = "风险事件";
    private const string Tasks = "排查任务";
    private const string Accountability = "包保任务完成率";
    private const string HiddenDangers = "隐患";
    private const string Effect = "运行效果";

    private static readonly string[] Levels = ["重大", "较大", "一般", "低"];
    private static readonly string[] LevelsEnglish = ["major", "significant", "general", "low"];
    private static readonly string[] Roles = ["主要负责人", "技术负责人", "操作负责人"];
    private static readonly string[] RolesEnglish = ["principal", "technical", "operational"];

    /// <summary>Province names by code, for the label of a province total, whose row carries no name of its own.</summary>
    private static readonly Lazy<Dictionary<string, string>> RegionNames =
        new(() => SeedRegions.ReadShandong().ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal));

    public static IReadOnlyList<ComplianceColumn> All { get; } =
    [
        ComplianceColumn.Text("市", "City", 8, r => r.Kind == ComplianceRowKind.ProvinceTotal ? null : r.CityName),
        ComplianceColumn.Text("区县", "County", 10, r => r.Kind is ComplianceRowKind.Enterprise or ComplianceRowKind.CountyTotal ? r.CountyName : null),
        ComplianceColumn.Text("企业名称", "Enterprise", 30, RowLabel),
        ComplianceColumn.Code("统一社会信用代码", "Unified social credit code", 21, r => r.CreditCode),
        ComplianceColumn.Code("区划代码", "Region code", 9, r => r.RegionCode, inPdf: false),
        .. Levels.Select((level, i) => ComplianceColumn.Count(Units, level, level + Units, $"Risk units, {LevelsEnglish[i]}", m => m.UnitsByLevel[i])),
        .. Levels.Select((level, i) => ComplianceColumn.Count(Events, level, level + Events, $"Risk events, {LevelsEnglish[i]}", m => m.EventsByLevel[i])),
        ComplianceColumn.Count(Tasks, "应排查", "应排查", "Windows due", m => m.WindowsDue),
        ComplianceColumn.Count(Tasks, "按时完成", "按时完成", "Completed on time", m => m.WindowsCompleted),
        ComplianceColumn.Count(Tasks, "补录(逾期)", "补录(逾期)", "Recorded late", m => m.WindowsLate),
        ComplianceColumn.Count(Tasks, "漏检", "漏检", "Missed", m => m.WindowsMissed),
        ComplianceColumn.Count(Tasks, "停用检修", "停用检修", "Suspended", m => m.WindowsSuspended),
        ComplianceColumn.Rate(Tasks, "完成率", "排查任务完成率", "Task completion rate", m => m.CompletionRate),
        ComplianceColumn.Rate(Accountability, "合计", Accountability, "Accountability task completion rate", m => m.AccountabilityRate),
        .. Roles.Select((role, i) => ComplianceColumn.Rate(
            Accountability, role, $"包保任务完成率({role})", $"Accountability task completion rate, {RolesEnglish[i]}",
            m => Percent.Of(m.AccountabilityCompleted[i], m.AccountabilityDue[i]),
            inPdf: false)),
        ComplianceColumn.Count(HiddenDangers, "一般", "一般隐患", "General hidden dangers", m => m.HiddenDangersGeneral),
        ComplianceColumn.Count(HiddenDangers, "重大", "重大隐患", "Major hidden dangers", m => m.HiddenDangersMajor),
        ComplianceColumn.Count(HiddenDangers, "应整改", "应整改", "To rectify", m => m.HiddenDangersToRectify),
        ComplianceColumn.Count(HiddenDangers, "已整改", "已整改", "Rectified", m => m.HiddenDangersRectified),
        ComplianceColumn.Rate(HiddenDangers, "整改率", "隐患整改率", "Remediation rate", m => m.RectificationRate),
        ComplianceColumn.Rate(HiddenDangers, "按期整改率", "按期整改率", "On-time remediation rate", m => m.OnTimeRectificationRate),
        ComplianceColumn.Count(HiddenDangers, "超期一般", "超期一般隐患", "Overdue general", m => m.OverdueGeneral),
        ComplianceColumn.Count(HiddenDangers, "超期重大", "超期重大隐患", "Overdue major", m => m.OverdueMajor),
        ComplianceColumn.Count(HiddenDangers, "本期挂牌", "本期挂牌督办", "Newly posted for supervision", m => m.MajorPosted),
        ComplianceColumn.Count(HiddenDangers, "在办挂牌", "在办挂牌督办", "Posted for supervision, open now", m => m.MajorPostedOpen),
        ComplianceColumn.Count(HiddenDangers, "已销号", "已销号", "Closed out", m => m.MajorClosedOut),
        ComplianceColumn.Score(Effect, "得分", "运行效果得分", "Operating-effect score", e => e.Score),
        ComplianceColumn.Text(Effect, "等级", "运行等级", "Operating grade", 6, r => r.Effect.Grade),
        ComplianceColumn.Text(Effect, "否决项", "否决项", "Veto items", 14, r => r.Effect.Vetoes.Count == 0 ? null : string.Join("、", r.Effect.Vetoes.Select(OperatingEffectRules.ChineseName))),
        ComplianceColumn.EffectCount(Effect, "参评企业", "参评企业数", "Enterprises scored", e => e.Scored),
        ComplianceColumn.EffectCount(Effect, "否决企业", "否决企业数", "Enterprises vetoed", e => e.Vetoed),
        ComplianceColumn.Text(Effect, "等级分布", "等级分布", "Grade distribution", 16, GradeDistribution),
    ];

    /// <summary>"优1 良0 中0 差1" on a total (ADR 0026); empty on an enterprise row, whose grade has its own column.</summary>
    private static string? GradeDistribution(ComplianceReportRow row) =>
        row.Kind == ComplianceRowKind.Enterprise ? null : string.Join(" ", row.Effect.Grades.Select(g => $"{g.Grade}{g.Count}"));

    /// <summary>
    /// The enterprise's name, or the label of a total: "市南区 合计", "青岛市 合计", "山东省 合计". A province total
    /// takes its name from the division list by <see cref="ComplianceReportRow.RegionCode"/>.
    /// </summary>
    public static string RowLabel(ComplianceReportRow row) => row.Kind switch
    {
        ComplianceRowKind.Enterprise => row.EnterpriseName ?? "",
        ComplianceRowKind.CountyTotal => $"{row.CountyName} 合计",
        ComplianceRowKind.CityTotal => $"{row.CityName} 合计",
        ComplianceRowKind.ProvinceTotal => $"{RegionNames.Value.GetValueOrDefault(row.RegionCode, "全省")} 合计",
    };
}
