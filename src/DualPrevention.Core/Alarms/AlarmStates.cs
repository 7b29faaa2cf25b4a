using DualPrevention.Core.Data;

namespace DualPrevention.Core.Alarms;

/// <summary>The named sets of <see cref="AlarmStatus"/> (ADR 0014).</summary>
public static class AlarmStates
{
    /// <summary>Alarms without an outcome yet: the alarm debt (ADR 0037). A new alarm merges into one of these.</summary>
    public static readonly StateSet<AlarmStatus> Open = new(
        [AlarmStatus.New, AlarmStatus.Confirmed, AlarmStatus.Dispatched],
        [AlarmStatus.Merged, AlarmStatus.FalseAlarm, AlarmStatus.Resolved, AlarmStatus.ConvertedToHiddenDanger]);
}
