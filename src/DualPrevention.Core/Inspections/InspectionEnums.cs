namespace DualPrevention.Core.Inspections;

/// <summary>
/// State of one inspection window (docs/domain/dual-prevention.md#59-window-states). Stored as its code;
/// <see cref="Open"/> is set by the window job once the window has started, <see cref="Missed"/> once it has ended
/// without an on-time record.
/// </summary>
public enum InspectionTaskStatus
{
    /// <summary>待开始: generated, the window has not started.</summary>
    Planned = 0,

    /// <summary>进行中: inside the window, no valid record yet.</summary>
    Open = 1,

    /// <summary>已完成: a valid record was made inside the window.</summary>
    Completed = 2,

    /// <summary>漏检: the window ended with no valid record (docs/domain/dual-prevention.md#55-completion-and-missed-windows).</summary>
    Missed = 3,

    /// <summary>停用检修中: the whole window lies in a deactivation period of its unit (docs/domain/dual-prevention.md#56-deactivation-periods); outside every rate.</summary>
    Suspended = 4,

    /// <summary>已取消: the task definition was deleted or its schedule changed before the window started.</summary>
    Cancelled = 5,
}

/// <summary>排查结果 (exchange <c>checkStatus</c>, codes as exchanged; docs/domain/dual-prevention.md#57-inspection-records).</summary>
public enum InspectionResult
{
    /// <summary>正常</summary>
    Normal = 0,

    /// <summary>存在隐患: the record opens a hidden-danger report (docs/domain/dual-prevention.md#55-completion-and-missed-windows).</summary>
    HiddenDangerFound = 1,

    /// <summary>未排查: written by the platform for a missed window.</summary>
    NotInspected = 2,

    /// <summary>其他</summary>
    Other = 3,
}

/// <summary>排查类型 / 隐患来源 (exchange <c>dangerSrc</c>, codes 1–10; docs/domain/dual-prevention.md#511-inspection-types).</summary>
public enum InspectionSource
{
    /// <summary>日常排查</summary>
    Routine = 1,

    /// <summary>综合性排查</summary>
    Comprehensive = 2,

    /// <summary>专业性排查</summary>
    Specialist = 3,

    /// <summary>季节性排查</summary>
    Seasonal = 4,

    /// <summary>重点时段及节假日前排查</summary>
    KeyPeriodOrHoliday = 5,

    /// <summary>事故类比排查</summary>
    AccidentAnalogy = 6,

    /// <summary>复产复工前排查</summary>
    BeforeRestart = 7,

    /// <summary>外聘专家诊断式排查</summary>
    ExternalExpert = 8,

    /// <summary>管控措施失效</summary>
    MeasureFailure = 9,

    /// <summary>其他</summary>
    Other = 10,
}

/// <summary>Where a record was entered: records that did not come from a phone on site are flagged (docs/domain/dual-prevention.md#58-evidence-from-the-site).</summary>
public enum RecordChannel
{
    /// <summary>The mobile pages, on a phone-sized screen.</summary>
    MobileWeb = 1,

    /// <summary>A field app through the API (carries the device IMEI).</summary>
    Api = 2,

    /// <summary>Written by the platform (a missed window's 未排查 record).</summary>
    System = 3,
}
