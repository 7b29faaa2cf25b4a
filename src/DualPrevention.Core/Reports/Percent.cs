namespace DualPrevention.Core.Reports;

/// <summary>
/// The one rounding of rates everywhere (UI, exports, SQL): computed from unrounded counts, shown in whole percent
/// rounded half away from zero (5 of 8 = 62.5 % → 63 %), as PostgreSQL's <c>round(numeric)</c> does.
/// </summary>
public static class Percent
{
    /// <summary>part ÷ whole as a fraction 0–1 (unrounded); null when <paramref name="whole"/> is 0.</summary>
    public static decimal? Of(int part, int whole) => whole == 0 ? null : (decimal)part / whole;

    /// <summary>A fraction 0–1 as whole percent, half away from zero; null stays null.</summary>
    public static int? Round(decimal? fraction) =>
        fraction is { } f ? (int)Math.Round(100m * f, MidpointRounding.AwayFromZero) : null;

    /// <summary>A score or other value to one decimal place, half away from zero.</summary>
    public static decimal RoundScore(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
