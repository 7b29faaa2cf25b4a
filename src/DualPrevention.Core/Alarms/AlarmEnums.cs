namespace DualPrevention.Core.Alarms;

/// <summary>报警来源: where an alarm came from (docs/domain/alarms.md#2-the-alarm-record).</summary>
public enum AlarmSource
{
    /// <summary>视频智能分析</summary>
    Video = 1,

    /// <summary>人员定位</summary>
    Positioning = 2,

    /// <summary>传感器监测</summary>
    Sensor = 3,

    /// <summary>人工上报</summary>
    Manual = 4,
}

/// <summary>
/// 报警状态 (docs/domain/alarms.md#1-states, ADR 0037). New is the only state a feed writes; Merged, FalseAlarm, Resolved
/// and ConvertedToHiddenDanger are outcomes and final. Escalation is not a state: it is a step kept beside the status.
/// </summary>
public enum AlarmStatus
{
    /// <summary>新报警, not reviewed yet.</summary>
    New = 1,

    /// <summary>已合并 into an open alarm of the same source, category and subject within the dedup window.</summary>
    Merged = 2,

    /// <summary>已确认 by the person on duty.</summary>
    Confirmed = 3,

    /// <summary>误报, with a reason.</summary>
    FalseAlarm = 4,

    /// <summary>已派单 to a person with a deadline.</summary>
    Dispatched = 5,

    /// <summary>已处置, with evidence.</summary>
    Resolved = 6,

    /// <summary>已转隐患: a hidden danger was opened from it.</summary>
    ConvertedToHiddenDanger = 7,
}

/// <summary>报警等级: how urgent an alarm is, as the source judged it.</summary>
public enum AlarmSeverity
{
    /// <summary>紧急 (SOS, fire, leak, person down).</summary>
    Critical = 1,

    /// <summary>重要</summary>
    Major = 2,

    /// <summary>一般</summary>
    Minor = 3,
}

/// <summary>误报原因 (docs/domain/alarms.md#2-the-alarm-record).</summary>
public enum FalseAlarmReason
{
    /// <summary>误识别</summary>
    Misdetection = 1,

    /// <summary>经授权的作业</summary>
    AuthorisedActivity = 2,

    /// <summary>测试</summary>
    Test = 3,

    /// <summary>其他 (a note is required)</summary>
    Other = 4,
}

/// <summary>What an <see cref="AlarmEvent"/> records.</summary>
public enum AlarmAction
{
    Raised = 1,
    Merged = 2,
    Confirmed = 3,
    MarkedFalse = 4,
    Dispatched = 5,
    Resolved = 6,
    ConvertedToHiddenDanger = 7,
    Escalated = 8,
}
