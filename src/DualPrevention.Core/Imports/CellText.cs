using System.Globalization;
using System.Text;

namespace DualPrevention.Core.Imports;

/// <summary>Cell values as text: trimmed strings, numbers without trailing zeros, dates as ISO dates or times.</summary>
public static class CellText
{
    /// <summary>The text of <paramref name="value"/>, or null when blank.</summary>
    public static string? Of(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ReplaceLineEndings("\n"),
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.Date <= new DateTime(1900, 1, 1) => t.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>A number from a numeric cell or from text such as "3", "３" or "0.5".</summary>
    public static decimal? NumberOf(object? value) => value switch
    {
        double d when double.IsFinite(d) && Math.Abs(d) < 1e15 => Math.Round((decimal)d, 6),
        string s when decimal.TryParse(Fold(s), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>
    /// A time of day from a time-formatted cell (read as a date on 1899-12-30/31), a day fraction such as 0.3333
    /// (a time stored as a plain number), or text such as "8:00" or "08:00:00".
    /// </summary>
    public static TimeOnly? TimeOf(object? value) => value switch
    {
        DateTime t => TimeOnly.FromDateTime(t),
        double d when d is >= 0 and < 1 => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Math.Round(d * 24 * 60))),
        string s when TimeOnly.TryParse(Fold(s), CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();
}
