using System.Globalization;
using System.Text.RegularExpressions;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The words enterprises write in a risk-control list's value columns, read into the register's enums. Each accepts the
/// platform's own word (<see cref="RiskRegisterLayout"/>), the exchange code where one exists
/// (docs/domain/dual-prevention.md#35-control-measure, docs/domain/dual-prevention.md#51-task-definitions) and the
/// common variants; comparison is on <see cref="HeaderText.Normalize"/>d text.
/// </summary>
public static partial class RegisterWords
{
    private static readonly Dictionary<string, AssessmentMethod> Methods = Table(
        RiskRegisterLayout.MethodWords,
        (AssessmentMethod.LS, ["LS法", "L×S", "L*S", "LS风险矩阵", "风险矩阵法", "矩阵法", "DB37"]),
        (AssessmentMethod.LEC, ["LEC法", "L×E×C", "L*E*C", "作业条件危险性分析", "作业条件危险性分析法", "作业条件危险性评价法"]),
        (AssessmentMethod.RiskMatrix, ["5×5风险矩阵", "5*5风险矩阵", "RiskMatrix"]));

    private static readonly Dictionary<string, RiskLevel> Levels = Table(
        RiskRegisterLayout.LevelWords,
        (RiskLevel.Major, ["重大", "红", "红色", "一级", "1级", "A", "A级"]),
        (RiskLevel.Significant, ["较大", "橙", "橙色", "二级", "2级", "B", "B级"]),
        (RiskLevel.General, ["一般", "黄", "黄色", "三级", "3级", "C", "C级"]),
        (RiskLevel.Low, ["低", "蓝", "蓝色", "四级", "4级", "D", "D级"]));

    private static readonly Dictionary<string, ControlDataSource> DataSources = Table(
        RiskRegisterLayout.DataSourceWords,
        (ControlDataSource.AutoMonitoring, ["1", "自动监控", "自动化", "在线监控", "自动化监测"]),
        (ControlDataSource.ManualInspection, ["2", "人工排查", "排查", "人工巡检", "人工检查"]));

    private static readonly Dictionary<string, ControlLevel> ControlLevels = Table(
        RiskRegisterLayout.ControlLevelWords,
        (ControlLevel.Company, ["公司", "厂级", "厂", "公司(厂)级", "公司厂级", "企业级"]),
        (ControlLevel.Workshop, ["车间", "部室", "车间(部室)级", "部门级", "车间部室级"]),
        (ControlLevel.Team, ["班组"]),
        (ControlLevel.Post, ["岗位"]));

    private static readonly Dictionary<string, InspectionTaskType> TaskTypes = Table(
        RiskRegisterLayout.TaskTypeWords,
        (InspectionTaskType.Routine, ["0", "日常", "日常排查"]),
        (InspectionTaskType.PrincipalResponsible, ["1", "主要负责人", "主要负责人包保任务"]),
        (InspectionTaskType.TechnicalResponsible, ["2", "技术负责人", "技术负责人包保任务"]),
        (InspectionTaskType.OperationalResponsible, ["3", "操作负责人", "操作负责人包保任务"]));

    private static readonly Dictionary<string, WorkDayType> WorkDayTypes = Table(
        RiskRegisterLayout.WorkDayTypeWords,
        (WorkDayType.EveryDay, ["0", "每日", "全部"]),
        (WorkDayType.StatutoryWorkingDays, ["1", "工作日"]),
        (WorkDayType.NonWorkingDays, ["2", "节假日", "非工作日"]));

    private static readonly Dictionary<string, MeasureClassify1> Classify1s = Table(
        MeasureClassification.Classify1Names,
        (MeasureClassify1.Engineering, ["1", "工程技术措施"]),
        (MeasureClassify1.Maintenance, ["2", "维护保养措施"]),
        (MeasureClassify1.Operation, ["3", "操作行为措施"]),
        (MeasureClassify1.Emergency, ["4", "应急处置", "应急措施类"]));

    /// <summary>周期单位 words → (exchange unit, multiplier): weeks travel as 7 days and quarters as 3 months (docs/domain/dual-prevention.md#52-cycles-and-cycle-units).</summary>
    private static readonly Dictionary<string, (CycleUnit Unit, int Factor)> CycleUnits = new(StringComparer.Ordinal)
    {
        ["小时"] = (CycleUnit.Hour, 1),
        ["时"] = (CycleUnit.Hour, 1),
        ["h"] = (CycleUnit.Hour, 1),
        ["天"] = (CycleUnit.Day, 1),
        ["日"] = (CycleUnit.Day, 1),
        ["d"] = (CycleUnit.Day, 1),
        ["周"] = (CycleUnit.Day, 7),
        ["星期"] = (CycleUnit.Day, 7),
        ["w"] = (CycleUnit.Day, 7),
        ["月"] = (CycleUnit.Month, 1),
        ["个月"] = (CycleUnit.Month, 1),
        ["季"] = (CycleUnit.Month, 3),
        ["季度"] = (CycleUnit.Month, 3),
        ["半年"] = (CycleUnit.Month, 6),
        ["年"] = (CycleUnit.Year, 1),
        ["y"] = (CycleUnit.Year, 1),
    };

    /// <summary>The words a person may use for <paramref name="field"/>, for messages ("one of: …").</summary>
    public static string Expected(RegisterColumn field) => field switch
    {
        RegisterColumn.Method => string.Join("、", RiskRegisterLayout.MethodWords.Values),
        RegisterColumn.Level => string.Join("、", RiskRegisterLayout.LevelWords.Values),
        RegisterColumn.DataSource => string.Join("、", RiskRegisterLayout.DataSourceWords.Values),
        RegisterColumn.ControlLevel => string.Join("、", RiskRegisterLayout.ControlLevelWords.Values),
        RegisterColumn.TaskType => string.Join("、", RiskRegisterLayout.TaskTypeWords.Values),
        RegisterColumn.WorkDayType => string.Join("、", RiskRegisterLayout.WorkDayTypeWords.Values),
        RegisterColumn.Classify1 => string.Join("、", MeasureClassification.Classify1Names.Values),
        RegisterColumn.CycleUnit => "小时、天、周、月、季、年",
        RegisterColumn.CycleValue => "1天、1周、1月、1季、1年",
        _ => "",
    };

    public static AssessmentMethod? Method(string text) => Find(Methods, text);

    public static RiskLevel? Level(string text) => Find(Levels, text);

    public static ControlDataSource? DataSource(string text) => Find(DataSources, text);

    public static ControlLevel? ControlLevelOf(string text) => Find(ControlLevels, text);

    public static InspectionTaskType? TaskType(string text) => Find(TaskTypes, text);

    public static WorkDayType? WorkDayTypeOf(string text) => Find(WorkDayTypes, text);

    /// <summary>措施分类一级 by name or number 1–4.</summary>
    public static MeasureClassify1? Classify1(string text) => Find(Classify1s, text);

    /// <summary>
    /// 措施分类二级 as its "x-y" code (any dash, full-width too), or by its name under <paramref name="classify1"/>;
    /// null when neither reads.
    /// </summary>
    public static string? Classify2(string text, MeasureClassify1? classify1)
    {
        if (classify1 is { } known && MeasureClassification.FindClassify2(known, text) is { } exact)
        {
            return exact;
        }

        var key = HeaderText.Normalize(text);
        if (Classify2Code().Match(key) is { Success: true } code)
        {
            return $"{code.Groups[1].Value}-{code.Groups[2].Value}";
        }

        var name = HeaderText.Normalize(text);
        return classify1 is { } c
            ? MeasureClassification.Classify2.FirstOrDefault(e => e.Value.Classify1 == c && HeaderText.Normalize(e.Value.Name) == name).Key
            : null;
    }

    /// <summary>
    /// 周期单位 → exchange unit and the factor the 排查周期 is multiplied by (周 = 7 天, 季 = 3 月, 半年 = 6 月).
    /// </summary>
    public static (CycleUnit Unit, int Factor)? CycleUnitOf(string text) =>
        CycleUnits.TryGetValue(text, out var unit) || CycleUnits.TryGetValue(HeaderText.Normalize(text).TrimStart('每'), out unit) ? unit : null;

    /// <summary>A cycle written in one cell, "1天", "每周", "3个月", when the unit column is empty.</summary>
    public static (int Value, CycleUnit Unit, int Factor)? CombinedCycle(string text)
    {
        var match = CombinedCycleText().Match(HeaderText.Normalize(text));
        if (!match.Success || CycleUnitOf(match.Groups[2].Value) is not { } unit)
        {
            return null;
        }

        var value = match.Groups[1].Value.Length == 0 ? 1 : int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return (value, unit.Unit, unit.Factor);
    }

    /// <summary>The exact word first (the usual case, and free), then its normalised form.</summary>
    private static T? Find<T>(Dictionary<string, T> table, string text)
        where T : struct =>
        table.TryGetValue(text, out var value) || table.TryGetValue(HeaderText.Normalize(text), out value) ? value : null;

    private static Dictionary<string, T> Table<T>(IReadOnlyDictionary<T, string> own, params (T Value, string[] Words)[] variants)
        where T : struct
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (value, word) in own)
        {
            table[HeaderText.Normalize(word)] = value;
            table[word] = value;
        }

        foreach (var (value, words) in variants)
        {
            foreach (var word in words)
            {
                table.TryAdd(HeaderText.Normalize(word), value);
            }
        }

        return table;
    }

    [GeneratedRegex(@"^([1-4])[-－‐–—_.]([1-9])$")]
    private static partial Regex Classify2Code();

    [GeneratedRegex(@"^每?(\d*)(小时|时|天|日|周|星期|个月|月|季度|季|半年|年)$")]
    private static partial Regex CombinedCycleText();
}
