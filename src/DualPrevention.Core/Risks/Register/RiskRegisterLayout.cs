using System.Text.Json.Serialization;

namespace DualPrevention.Core.Risks.Register;

/// <summary>A column of the risk-control-list workbook (风险分级管控清单); one row of the workbook is one control measure.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegisterColumn>))]
public enum RegisterColumn
{
    /// <summary>序号: row number, informative only.</summary>
    SerialNo = 1,

    /// <summary>风险分析对象 (<see cref="RiskAnalysisObject.Name"/>).</summary>
    ObjectName = 2,

    /// <summary>对象编码 / 危险源编码 (<see cref="RiskAnalysisObject.HazardCode"/>).</summary>
    ObjectCode = 3,

    /// <summary>风险分析单元 (<see cref="RiskAnalysisUnit.Name"/>).</summary>
    UnitName = 4,

    /// <summary>风险事件 (<see cref="RiskEvent.Name"/>).</summary>
    EventName = 5,

    /// <summary>事故类型 (<see cref="RiskEvent.AccidentType"/>).</summary>
    AccidentType = 6,

    /// <summary>评价方法: LS, LEC or 5×5风险矩阵.</summary>
    Method = 7,

    /// <summary>L, likelihood.</summary>
    Likelihood = 8,

    /// <summary>S, severity (LS, matrix).</summary>
    Severity = 9,

    /// <summary>R = L × S or D = L × E × C, as the file states it; always recomputed.</summary>
    Score = 10,

    /// <summary>风险等级 as the file states it; always recomputed.</summary>
    Level = 11,

    /// <summary>管控措施 (<see cref="ControlMeasure.Description"/>).</summary>
    MeasureDescription = 12,

    /// <summary>措施分类一级.</summary>
    Classify1 = 13,

    /// <summary>措施分类二级, by name or "x-y" code.</summary>
    Classify2 = 14,

    /// <summary>管控方式: 自动化监控 / 隐患排查.</summary>
    DataSource = 15,

    /// <summary>排查内容 / 隐患排查内容.</summary>
    InspectionContent = 16,

    /// <summary>排查周期, a positive whole number.</summary>
    CycleValue = 17,

    /// <summary>周期单位: 小时 / 天 / 周 / 月 / 季 / 年.</summary>
    CycleUnit = 18,

    /// <summary>管控层级: 公司级 / 车间级 / 班组级 / 岗位级.</summary>
    ControlLevel = 19,

    /// <summary>责任部门 of the measure.</summary>
    ResponsibleDepartment = 20,

    /// <summary>责任人 of the measure.</summary>
    ResponsiblePerson = 21,

    /// <summary>任务类型: 日常任务 or one of the three 包保 responsible persons' tasks.</summary>
    TaskType = 22,

    /// <summary>E, exposure (LEC).</summary>
    Exposure = 23,

    /// <summary>C, consequence (LEC).</summary>
    Consequence = 24,

    /// <summary>措施分类三级, enterprise-defined.</summary>
    Classify3 = 25,

    /// <summary>包保任务对应项.</summary>
    AccountabilityItemNo = 26,

    /// <summary>工作开始时间 (hourly cycles only).</summary>
    WorkStartTime = 27,

    /// <summary>工作结束时间 (hourly cycles only).</summary>
    WorkEndTime = 28,

    /// <summary>工作日类型: 每天 / 法定工作日 / 非法定工作日.</summary>
    WorkDayType = 29,

    /// <summary>辨识日期 of the event (<see cref="RiskEvent.IdentifiedOn"/>).</summary>
    IdentificationDate = 30,

    /// <summary>应急电话 of the unit (<see cref="RiskAnalysisUnit.EmergencyPhone"/>).</summary>
    EmergencyPhone = 31,

    /// <summary>应急处置措施 of the unit (<see cref="RiskAnalysisUnit.EmergencyMeasures"/>).</summary>
    EmergencyMeasures = 32,
}

/// <summary>
/// The platform's own layout of the risk-control list, shared by the blank template, the export and the importer (whose
/// synonym table starts from these headers). The first 22 columns are the order Chinese enterprises use
/// (src/DualPrevention.Core/Demo/risk-control-list_sample-plant.xlsx); the next 7 carry the rest of the register so
/// that an export imports back without loss, then the event's identification date and the unit's emergency phone and
/// measures (those of its 风险告知卡). The value words are those the importer reads and the export writes.
/// </summary>
public static class RiskRegisterLayout
{
    /// <summary>A column: its field, its Chinese header and its width in characters.</summary>
    public sealed record Column(RegisterColumn Field, string Header, int Width);

    /// <summary>The columns, left to right.</summary>
    public static IReadOnlyList<Column> Columns { get; } =
    [
        new(RegisterColumn.SerialNo, "序号", 6),
        new(RegisterColumn.ObjectName, "风险分析对象", 24),
        new(RegisterColumn.ObjectCode, "对象编码", 14),
        new(RegisterColumn.UnitName, "风险分析单元", 22),
        new(RegisterColumn.EventName, "风险事件", 36),
        new(RegisterColumn.AccidentType, "事故类型", 16),
        new(RegisterColumn.Method, "评价方法", 10),
        new(RegisterColumn.Likelihood, "L", 6),
        new(RegisterColumn.Severity, "S", 6),
        new(RegisterColumn.Score, "R", 8),
        new(RegisterColumn.Level, "风险等级", 10),
        new(RegisterColumn.MeasureDescription, "管控措施", 40),
        new(RegisterColumn.Classify1, "措施分类一级", 12),
        new(RegisterColumn.Classify2, "措施分类二级", 14),
        new(RegisterColumn.DataSource, "管控方式", 12),
        new(RegisterColumn.InspectionContent, "排查内容", 40),
        new(RegisterColumn.CycleValue, "排查周期", 10),
        new(RegisterColumn.CycleUnit, "周期单位", 10),
        new(RegisterColumn.ControlLevel, "管控层级", 10),
        new(RegisterColumn.ResponsibleDepartment, "责任部门", 14),
        new(RegisterColumn.ResponsiblePerson, "责任人", 10),
        new(RegisterColumn.TaskType, "任务类型", 16),
        new(RegisterColumn.Exposure, "E", 6),
        new(RegisterColumn.Consequence, "C", 6),
        new(RegisterColumn.Classify3, "措施分类三级", 14),
        new(RegisterColumn.AccountabilityItemNo, "包保任务对应项", 14),
        new(RegisterColumn.WorkStartTime, "工作开始时间", 12),
        new(RegisterColumn.WorkEndTime, "工作结束时间", 12),
        new(RegisterColumn.WorkDayType, "工作日类型", 12),
        new(RegisterColumn.IdentificationDate, "辨识日期", 12),
        new(RegisterColumn.EmergencyPhone, "应急电话", 16),
        new(RegisterColumn.EmergencyMeasures, "应急处置措施", 40),
    ];

    /// <summary>评价方法 words.</summary>
    public static IReadOnlyDictionary<AssessmentMethod, string> MethodWords { get; } = new Dictionary<AssessmentMethod, string>
    {
        [AssessmentMethod.LS] = "LS",
        [AssessmentMethod.LEC] = "LEC",
        [AssessmentMethod.RiskMatrix] = "5×5风险矩阵",
    };

    /// <summary>风险等级 words (docs/domain/dual-prevention.md#41-risk-levels-and-colours).</summary>
    public static IReadOnlyDictionary<RiskLevel, string> LevelWords { get; } = new Dictionary<RiskLevel, string>
    {
        [RiskLevel.Major] = "重大风险",
        [RiskLevel.Significant] = "较大风险",
        [RiskLevel.General] = "一般风险",
        [RiskLevel.Low] = "低风险",
    };

    /// <summary>管控方式 words (exchange <c>dataSrc</c>).</summary>
    public static IReadOnlyDictionary<ControlDataSource, string> DataSourceWords { get; } = new Dictionary<ControlDataSource, string>
    {
        [ControlDataSource.AutoMonitoring] = "自动化监控",
        [ControlDataSource.ManualInspection] = "隐患排查",
    };

    /// <summary>周期单位 words as exchanged (docs/domain/dual-prevention.md#52-cycles-and-cycle-units); the importer also reads 周 (7 days) and 季 (3 months).</summary>
    public static IReadOnlyDictionary<CycleUnit, string> CycleUnitWords { get; } = new Dictionary<CycleUnit, string>
    {
        [CycleUnit.Hour] = "小时",
        [CycleUnit.Day] = "天",
        [CycleUnit.Month] = "月",
        [CycleUnit.Year] = "年",
    };

    /// <summary>管控层级 words (docs/domain/dual-prevention.md#44-control-levels).</summary>
    public static IReadOnlyDictionary<ControlLevel, string> ControlLevelWords { get; } = new Dictionary<ControlLevel, string>
    {
        [ControlLevel.Company] = "公司级",
        [ControlLevel.Workshop] = "车间级",
        [ControlLevel.Team] = "班组级",
        [ControlLevel.Post] = "岗位级",
    };

    /// <summary>任务类型 words (exchange <c>workType</c>).</summary>
    public static IReadOnlyDictionary<InspectionTaskType, string> TaskTypeWords { get; } = new Dictionary<InspectionTaskType, string>
    {
        [InspectionTaskType.Routine] = "日常任务",
        [InspectionTaskType.PrincipalResponsible] = "主要负责人任务",
        [InspectionTaskType.TechnicalResponsible] = "技术负责人任务",
        [InspectionTaskType.OperationalResponsible] = "操作负责人任务",
    };

    /// <summary>工作日类型 words (exchange <c>workDayType</c>).</summary>
    public static IReadOnlyDictionary<WorkDayType, string> WorkDayTypeWords { get; } = new Dictionary<WorkDayType, string>
    {
        [WorkDayType.EveryDay] = "每天",
        [WorkDayType.StatutoryWorkingDays] = "法定工作日",
        [WorkDayType.NonWorkingDays] = "非法定工作日",
    };

    /// <summary>The Chinese header of <paramref name="field"/>.</summary>
    public static string HeaderOf(RegisterColumn field) => Columns.First(c => c.Field == field).Header;
}
