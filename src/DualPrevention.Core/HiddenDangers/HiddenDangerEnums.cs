namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// Internal state of a hidden danger (docs/domain/dual-prevention.md#64-life-cycle). Overdue is derived from the
/// deadline, never stored. The exchange knows only 0 整改中 (<see cref="Rectifying"/>), 1 待验收
/// (<see cref="PendingAcceptance"/>) and 9 已验收 (<see cref="Accepted"/>, <see cref="ClosedOut"/>).
/// </summary>
public enum HiddenDangerState
{
    /// <summary>草稿: reported, not yet registered.</summary>
    Draft = 0,

    /// <summary>待确认: registered, waiting for grade, type, deadline and rectifier.</summary>
    PendingConfirmation = 1,

    /// <summary>整改中</summary>
    Rectifying = 2,

    /// <summary>待验收</summary>
    PendingAcceptance = 3,

    /// <summary>已验收: the end of a general hidden danger.</summary>
    Accepted = 4,

    /// <summary>已作废: judged not to be a hidden danger.</summary>
    Invalidated = 5,

    /// <summary>已销号: a major hidden danger closed out by the principal, or by the bureau that posted it (docs/domain/dual-prevention.md#75-close-out-and-resumption).</summary>
    ClosedOut = 6,
}

/// <summary>隐患级别 (exchange <c>dangerLevel</c> 0/1; docs/domain/dual-prevention.md#61-definition-and-grades).</summary>
public enum HiddenDangerLevel
{
    /// <summary>一般隐患</summary>
    General = 0,

    /// <summary>重大隐患</summary>
    Major = 1,
}

/// <summary>治理类型 (exchange <c>dangerManageType</c>).</summary>
public enum RemediationType
{
    /// <summary>即查即改: fixed on the spot, registered and accepted in one step.</summary>
    FixOnSpot = 0,

    /// <summary>限期整改</summary>
    FixByDeadline = 1,
}

/// <summary>隐患类型 (exchange <c>hazardDangerType</c>, codes 1–8).</summary>
public enum HiddenDangerCategory
{
    /// <summary>安全</summary>
    Safety = 1,

    /// <summary>工艺</summary>
    Process = 2,

    /// <summary>电气</summary>
    Electrical = 3,

    /// <summary>仪表</summary>
    Instrumentation = 4,

    /// <summary>消防</summary>
    FireProtection = 5,

    /// <summary>总图</summary>
    SiteLayout = 6,

    /// <summary>设备</summary>
    Equipment = 7,

    /// <summary>其他</summary>
    Other = 8,
}

/// <summary>管理分类 (exchange <c>managementClassification</c>).</summary>
public enum ManagementClass
{
    /// <summary>人的不安全行为</summary>
    UnsafeAct = 1,

    /// <summary>物的不安全状态</summary>
    UnsafeCondition = 2,

    /// <summary>管理上的缺陷</summary>
    ManagementDeficiency = 3,
}

/// <summary>发生环节 (exchange <c>occurrenceLink</c>, codes 1–10).</summary>
public enum OccurrenceStage
{
    /// <summary>设计</summary>
    Design = 1,

    /// <summary>产品质量缺陷</summary>
    ProductDefect = 2,

    /// <summary>仓储</summary>
    Storage = 3,

    /// <summary>项目施工</summary>
    Construction = 4,

    /// <summary>开停车</summary>
    StartupShutdown = 5,

    /// <summary>使用操作</summary>
    Operation = 6,

    /// <summary>维护保养</summary>
    Maintenance = 7,

    /// <summary>维修</summary>
    Repair = 8,

    /// <summary>变更</summary>
    Change = 9,

    /// <summary>运输</summary>
    Transport = 10,
}

/// <summary>隐患类别 (exchange <c>hazardCategory</c>): who registered it, for 包保 statistics.</summary>
public enum AccountabilityCategory
{
    /// <summary>其他隐患</summary>
    Other = 0,

    /// <summary>主要负责人登记</summary>
    PrincipalResponsible = 1,

    /// <summary>技术负责人登记</summary>
    TechnicalResponsible = 2,

    /// <summary>操作负责人登记</summary>
    OperationalResponsible = 3,
}

/// <summary>Who found a hidden danger, beyond the inspection type (<see cref="Inspections.InspectionSource"/>).</summary>
public enum HiddenDangerOrigin
{
    /// <summary>An inspection record with result 存在隐患.</summary>
    InspectionRecord = 1,

    /// <summary>A staff member's own report.</summary>
    SelfReport = 2,

    /// <summary>A regulator's inspection (执法检查).</summary>
    RegulatorInspection = 3,

    /// <summary>An alarm (video, positioning, sensors).</summary>
    Alarm = 4,

    /// <summary>A historical ledger imported from Excel.</summary>
    LedgerImport = 5,
}

/// <summary>挂牌督办 level (docs/domain/dual-prevention.md#74-posting).</summary>
public enum PostingLevel
{
    /// <summary>县级</summary>
    County = 1,

    /// <summary>市级</summary>
    City = 2,

    /// <summary>省级</summary>
    Province = 3,
}

/// <summary>The decision on a deadline extension request.</summary>
public enum ExtensionDecision
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}
