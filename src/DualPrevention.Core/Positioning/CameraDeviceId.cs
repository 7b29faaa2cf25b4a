namespace DualPrevention.Core.Positioning;

/// <summary>
/// GB/T 28181-2016 Appendix D, coding rule A (docs/domain/video-alarms.md#8-cameras-gbt-28181-device-ids): 20 decimal
/// digits — centre code (8: the GB/T 2260 division code of the monitoring centre, padded with 0), industry (2), type
/// (3), network (1) and serial (6). A camera's type code is 131 (摄像机) or 132 (网络摄像机).
/// </summary>
public static class CameraDeviceId
{
    public const int Length = 20;

    /// <summary>Type codes of cameras (GB/T 28181-2016 Table D.1).</summary>
    public static readonly IReadOnlySet<string> CameraTypes = new HashSet<string>(StringComparer.Ordinal) { "131", "132" };

    public static bool IsValid(string? id) =>
        id is { Length: Length } && id.All(char.IsAsciiDigit) && id[..2] != "00" && CameraTypes.Contains(id.Substring(10, 3));
}
