using DualPrevention.Core.Alarms;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// 视频报警类别: the plant categories of docs/domain/video-alarms.md#2-plant-alarm-types and the gas-station categories of
/// docs/domain/video-alarms.md#5-gas-station-alarm-types as one enumeration (ADR 0046). The name is the alarm centre's
/// category code (<see cref="AlarmCategories"/>); stored as its name, numbered explicitly so the list can grow.
/// </summary>
public enum VideoAlarmCategory
{
    FireFlame = 1,
    Smoke = 2,
    LeakSpill = 3,
    PersonDown = 4,
    Intrusion = 5,
    NoHelmet = 6,
    NoWorkwear = 7,
    NoHarness = 8,
    NoRespirator = 9,
    Smoking = 10,

    /// <summary>打电话/玩手机 in the plant, 接打电话 at a dispenser (the gas-station table's <c>PhoneCall</c>).</summary>
    PhoneUse = 11,
    OffPost = 12,
    Sleeping = 13,
    Crowding = 14,
    Climbing = 15,
    FirePassageBlocked = 16,
    ExtinguisherMissing = 17,
    VehicleIntrusion = 18,
    GuardianAbsent = 19,
    PermitActivityMismatch = 20,
    CameraFault = 21,
    UnloadUnattended = 22,
    UnloadNoExtinguisher = 23,
    UnloadNoGrounding = 24,
    UnloadNoBarrier = 25,
    UnloadZoneIntrusion = 26,
    TankerEngineOn = 27,
    VehicleEngineOn = 28,
    PlasticContainer = 29,
}

/// <summary>What the alarm centre needs to know of a <see cref="VideoAlarmCategory"/>.</summary>
public static class VideoAlarmCategories
{
    /// <summary>
    /// Every category's priority as the alarm centre's severity: critical → <see cref="AlarmSeverity.Critical"/>, high →
    /// <see cref="AlarmSeverity.Major"/>, medium → <see cref="AlarmSeverity.Minor"/>. The plant priorities are those of
    /// docs/domain/video-alarms.md#2-plant-alarm-types; the gas-station table gives none, so its unloading rules take high
    /// (a broken unloading rule starts station fires, docs/domain/video-alarms.md#4-gas-stations-operating-rules) and the
    /// engine and container rules medium (ADR 0046, a proposal).
    /// </summary>
    public static AlarmSeverity SeverityOf(VideoAlarmCategory category) => category switch
    {
        VideoAlarmCategory.FireFlame or VideoAlarmCategory.Smoke or VideoAlarmCategory.LeakSpill or VideoAlarmCategory.PersonDown
            => AlarmSeverity.Critical,
        VideoAlarmCategory.Intrusion or VideoAlarmCategory.NoHarness or VideoAlarmCategory.NoRespirator or VideoAlarmCategory.Smoking
            or VideoAlarmCategory.OffPost or VideoAlarmCategory.Sleeping or VideoAlarmCategory.ExtinguisherMissing
            or VideoAlarmCategory.GuardianAbsent or VideoAlarmCategory.PermitActivityMismatch
            or VideoAlarmCategory.UnloadUnattended or VideoAlarmCategory.UnloadNoExtinguisher or VideoAlarmCategory.UnloadNoGrounding
            or VideoAlarmCategory.UnloadNoBarrier or VideoAlarmCategory.UnloadZoneIntrusion
            => AlarmSeverity.Major,
        VideoAlarmCategory.NoHelmet or VideoAlarmCategory.NoWorkwear or VideoAlarmCategory.PhoneUse or VideoAlarmCategory.Crowding
            or VideoAlarmCategory.Climbing or VideoAlarmCategory.FirePassageBlocked or VideoAlarmCategory.VehicleIntrusion
            or VideoAlarmCategory.CameraFault or VideoAlarmCategory.TankerEngineOn or VideoAlarmCategory.VehicleEngineOn
            or VideoAlarmCategory.PlasticContainer
            => AlarmSeverity.Minor,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The alarm centre's category code: the enumeration's name (FireFlame, Smoke, … as in <see cref="AlarmCategories"/>).</summary>
    public static string CodeOf(VideoAlarmCategory category) => category.ToString();
}
