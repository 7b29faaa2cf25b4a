using System.Globalization;
using DualPrevention.Core;

namespace DualPrevention.Web.Permits;

/// <summary>How the permit pages show an instant.</summary>
internal static class PermitTexts
{
    /// <summary>Beijing time to the minute.</summary>
    public static string Local(DateTimeOffset at) => BusinessTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
