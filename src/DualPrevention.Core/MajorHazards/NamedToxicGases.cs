namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// Table 3 of GB 18218-2018: the toxic gases whose β is named, by CAS number
/// (docs/domain/major-hazards.md#62-beta-for-named-toxic-gases). Coal gas, a CO-bearing mixture without a CAS number,
/// takes CO's β in practice (docs/domain/major-hazards.md#7-implementation-notes); the catalogue gives it that β.
/// </summary>
public static class NamedToxicGases
{
    public const string CarbonMonoxideCas = "630-08-0";

    private static readonly Dictionary<string, decimal> BetaByCas = new(StringComparer.Ordinal)
    {
        [CarbonMonoxideCas] = 2m,
        ["7446-09-5"] = 2m,  // sulphur dioxide
        ["7664-41-7"] = 2m,  // ammonia
        ["75-21-8"] = 2m,    // ethylene oxide
        ["7647-01-0"] = 3m,  // hydrogen chloride
        ["74-83-9"] = 3m,    // methyl bromide
        ["7782-50-5"] = 4m,  // chlorine
        ["7783-06-4"] = 5m,  // hydrogen sulphide
        ["7664-39-3"] = 5m,  // hydrogen fluoride
        ["10102-44-0"] = 10m, // nitrogen dioxide
        ["74-90-8"] = 10m,   // hydrogen cyanide
        ["75-44-5"] = 20m,   // phosgene
        ["7803-51-2"] = 20m, // phosphine
        ["624-83-9"] = 20m,  // methyl isocyanate
    };

    /// <summary>The Table 3 β of the substance with this CAS number, or null when Table 3 does not name it.</summary>
    public static decimal? BetaOf(string? cas) => cas is not null && BetaByCas.TryGetValue(cas.Trim(), out var beta) ? beta : null;

    /// <summary>The fourteen CAS numbers of Table 3.</summary>
    public static IReadOnlyCollection<string> CasNumbers => BetaByCas.Keys;
}
