using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// 拒收计数: how many video alarms an enterprise's devices sent that intake refused, per Beijing day and
/// <see cref="VideoAlarmRejection"/> (docs/video-intake.md#what-is-refused): nothing is dropped silently. Added to by
/// <see cref="IntakeVideoAlarm"/> in one upsert per refusal; accepted alarms are counted by their evidence rows.
/// </summary>
public sealed class VideoAlarmRefusalCount : ITenantOwned
{
    private VideoAlarmRefusalCount()
    {
    }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The Beijing day the messages were received on.</summary>
    public DateOnly Day { get; private set; }

    public VideoAlarmRejection Reason { get; private set; }

    public long Count { get; private set; }

    /// <summary>UTC; the latest refusal of the day for this reason.</summary>
    public DateTimeOffset LastRefusedAt { get; private set; }
}
