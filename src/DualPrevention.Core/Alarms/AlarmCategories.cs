using System.Globalization;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// The category codes the alarm centre knows by name: positioning's alarm types (docs/domain/positioning.md) and video's
/// (docs/domain/video-alarms.md) share one namespace of codes. A feed may raise any other code of up to
/// <see cref="Alarm.CategoryLength"/> letters; it gets the default handling time.
/// </summary>
public static class AlarmCategories
{
    public const string Sos = "Sos";
    public const string Fall = "Fall";
    public const string PersonDown = "PersonDown";
    public const string FireFlame = "FireFlame";
    public const string Smoke = "Smoke";
    public const string LeakSpill = "LeakSpill";
    public const string UnauthorizedEntry = "UnauthorizedEntry";
    public const string OverCapacity = "OverCapacity";
    public const string Static = "Static";
    public const string UnderStaffed = "UnderStaffed";
    public const string Overstay = "Overstay";
    public const string LeftZone = "LeftZone";
    public const string Gathering = "Gathering";
    public const string EscortMissing = "EscortMissing";
    public const string LowBattery = "LowBattery";
    public const string TagOffline = "TagOffline";
    public const string TagNotReturned = "TagNotReturned";

    /// <summary>Categories never closed automatically and escalated first (docs/domain/alarms.md#3-rules).</summary>
    public static readonly IReadOnlySet<string> LifeThreatening = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        Sos, Fall, PersonDown, FireFlame, Smoke, LeakSpill,
    };

    /// <summary>A known category's name in <paramref name="culture"/> (<c>AlarmCategory.*</c>), else the code the feed sent.</summary>
    public static string Name(string code, CultureInfo culture) => CoreText.Messages.Find($"AlarmCategory.{code}", culture) ?? code;
}
