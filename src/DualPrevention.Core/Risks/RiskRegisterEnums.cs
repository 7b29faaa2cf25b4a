namespace DualPrevention.Core.Risks;

/// <summary>How a risk event is assessed (docs/domain/dual-prevention.md#4-risk-assessment).</summary>
public enum AssessmentMethod
{
    /// <summary>R = L × S, DB37 scales, the default.</summary>
    LS = 1,

    /// <summary>D = L × E × C (作业条件危险性分析法).</summary>
    LEC = 2,

    /// <summary>5×5 risk matrix R = L × S with its own (regionally varying) bands.</summary>
    RiskMatrix = 3,
}

/// <summary>重大危险源等级, GB 18218-2018 §4.2: R ≥ 100 一级; 50–100 二级; 10–50 三级; &lt; 10 四级.</summary>
public enum MajorHazardLevel
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
    Level4 = 4,
}

/// <summary>生产单元 / 储存单元, the unit GB 18218-2018 identifies (docs/domain/major-hazards.md#2-units).</summary>
public enum MajorHazardUnitType
{
    Production = 1,
    Storage = 2,
}

/// <summary>What a risk analysis object is (docs/domain/dual-prevention.md#32-risk-analysis-object).</summary>
public enum RiskObjectType
{
    MajorHazardSource = 1,

    /// <summary>生产装置</summary>
    ProductionUnit = 2,

    /// <summary>储存设施</summary>
    StorageFacility = 3,

    Other = 4,
}

/// <summary>管控方式 (exchange <c>dataSrc</c>).</summary>
public enum ControlDataSource
{
    /// <summary>自动化监控: verified by automatic monitoring, no inspection task.</summary>
    AutoMonitoring = 1,

    /// <summary>隐患排查: checked by people, produces inspection tasks.</summary>
    ManualInspection = 2,
}

/// <summary>排查周期单位 as exchanged (docs/domain/dual-prevention.md#52-cycles-and-cycle-units): weeks travel as 7 days and quarters as 3 months.</summary>
public enum CycleUnit
{
    Hour = 1,
    Day = 2,
    Month = 3,
    Year = 4,
}

/// <summary>Which days a task runs on (exchange <c>workDayType</c>, codes as exchanged).</summary>
public enum WorkDayType
{
    /// <summary>每天</summary>
    EveryDay = 0,

    /// <summary>法定工作日</summary>
    StatutoryWorkingDays = 1,

    /// <summary>非法定工作日</summary>
    NonWorkingDays = 2,
}

/// <summary>任务类型 (exchange <c>workType</c>): routine, or one of the three 包保 responsible persons' tasks.</summary>
public enum InspectionTaskType
{
    /// <summary>日常任务</summary>
    Routine = 0,

    /// <summary>主要负责人任务, items 1–9.</summary>
    PrincipalResponsible = 1,

    /// <summary>技术负责人任务, items 1–9.</summary>
    TechnicalResponsible = 2,

    /// <summary>操作负责人任务, items 1–10.</summary>
    OperationalResponsible = 3,
}

/// <summary>管控层级: who controls the risk (docs/domain/dual-prevention.md#44-control-levels).</summary>
public enum ControlLevel
{
    /// <summary>公司级</summary>
    Company = 1,

    /// <summary>车间级</summary>
    Workshop = 2,

    /// <summary>班组级</summary>
    Team = 3,

    /// <summary>岗位级</summary>
    Post = 4,
}

/// <summary>管控措施分类一级 (exchange <c>classify1</c>).</summary>
public enum MeasureClassify1
{
    /// <summary>工程技术</summary>
    Engineering = 1,

    /// <summary>维护保养</summary>
    Maintenance = 2,

    /// <summary>操作行为</summary>
    Operation = 3,

    /// <summary>应急措施</summary>
    Emergency = 4,
}
