namespace DualPrevention.Core.Monitoring;

/// <summary>监测点类型: what a major hazard's monitoring point measures (GB 17681-2024 style on-line monitoring).</summary>
public enum MonitoringPointKind
{
    /// <summary>液位</summary>
    TankLevel = 1,

    /// <summary>温度</summary>
    Temperature = 2,

    /// <summary>压力</summary>
    Pressure = 3,

    /// <summary>可燃气体浓度</summary>
    FlammableGas = 4,

    /// <summary>有毒气体浓度</summary>
    ToxicGas = 5,
}

/// <summary>
/// 报警区间: where a value lies against a point's limits (ADR 0050). Normal is inside all limits; a value at or beyond a
/// limit is in that limit's band (high-high over high, low-low under low).
/// </summary>
public enum LimitBand
{
    Normal = 1,

    /// <summary>高报</summary>
    High = 2,

    /// <summary>高高报</summary>
    HighHigh = 3,

    /// <summary>低报</summary>
    Low = 4,

    /// <summary>低低报</summary>
    LowLow = 5,
}

/// <summary>Why a reading was refused (docs/monitoring-ingest.md#what-is-refused); each refusal is counted.</summary>
public enum ReadingRejection
{
    /// <summary>Not a reading: no point code, no time, no number, or not JSON at all.</summary>
    Malformed = 1,

    /// <summary>No monitoring point of the device's enterprise has this code.</summary>
    UnknownPoint = 2,

    /// <summary>The time lies more than <see cref="ReadingLimits.MaxAhead"/> ahead or <see cref="ReadingLimits.MaxAge"/> behind the server's clock.</summary>
    OutOfTime = 3,

    /// <summary>The value lies outside the point's measuring range: a faulty transmitter, not a process value.</summary>
    OutOfRange = 4,
}
