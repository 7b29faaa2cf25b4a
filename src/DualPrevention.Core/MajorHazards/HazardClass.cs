using System.Diagnostics.CodeAnalysis;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// The hazard classes of GB 18218-2018 Table 2, by their symbol (docs/domain/major-hazards.md#3-threshold-quantity-q):
/// J1–J5 acute toxicity, W1.1–W11 physical hazards. The symbol names the class in the catalogue and the API
/// (<see cref="HazardClasses.Symbol"/>).
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "The standard's own symbols (W1.1, W5.3 …) with the dot written as an underscore; W11 is another class.")]
public enum HazardClass
{
    J1 = 1,
    J2 = 2,
    J3 = 3,
    J4 = 4,
    J5 = 5,
    W1_1 = 6,
    W1_2 = 7,
    W1_3 = 8,
    W2 = 9,
    W3 = 10,
    W4 = 11,
    W5_1 = 12,
    W5_2 = 13,
    W5_3 = 14,
    W5_4 = 15,
    W6_1 = 16,
    W6_2 = 17,
    W7_1 = 18,
    W7_2 = 19,
    W8 = 20,
    W9_1 = 21,
    W9_2 = 22,
    W10 = 23,
    W11 = 24,
}

/// <summary>Tables 2 and 4 of GB 18218-2018: each class's critical quantity and its correction factor β.</summary>
public static class HazardClasses
{
    /// <summary>Table 2, Q in tonnes (docs/domain/major-hazards.md#3-threshold-quantity-q).</summary>
    public static decimal ThresholdOf(HazardClass hazardClass) => hazardClass switch
    {
        HazardClass.J1 => 5m,
        HazardClass.J2 or HazardClass.J3 or HazardClass.J4 => 50m,
        HazardClass.J5 => 500m,
        HazardClass.W1_1 => 1m,
        HazardClass.W1_2 => 10m,
        HazardClass.W1_3 => 50m,
        HazardClass.W2 => 10m,
        HazardClass.W3 => 150m,
        HazardClass.W4 => 50m,
        HazardClass.W5_1 => 10m,
        HazardClass.W5_2 => 50m,
        HazardClass.W5_3 => 1000m,
        HazardClass.W5_4 => 5000m,
        HazardClass.W6_1 => 10m,
        HazardClass.W6_2 => 50m,
        HazardClass.W7_1 => 10m,
        HazardClass.W7_2 => 50m,
        HazardClass.W8 => 50m,
        HazardClass.W9_1 => 50m,
        HazardClass.W9_2 or HazardClass.W10 or HazardClass.W11 => 200m,
        _ => throw new ArgumentOutOfRangeException(nameof(hazardClass), hazardClass, null),
    };

    /// <summary>Table 4, β of a substance not named in Table 3 (docs/domain/major-hazards.md#63-beta-by-hazard-class).</summary>
    public static decimal BetaOf(HazardClass hazardClass) => hazardClass switch
    {
        HazardClass.J1 => 4m,
        HazardClass.J3 or HazardClass.J4 => 2m,
        HazardClass.J2 or HazardClass.J5 => 1m,
        HazardClass.W1_1 or HazardClass.W1_2 or HazardClass.W1_3 => 2m,
        HazardClass.W2 or HazardClass.W5_1 or HazardClass.W6_1 or HazardClass.W7_1 => 1.5m,
        HazardClass.W3 or HazardClass.W4 or HazardClass.W5_2 or HazardClass.W5_3 or HazardClass.W5_4 or HazardClass.W6_2
            or HazardClass.W7_2 or HazardClass.W8 or HazardClass.W9_1 or HazardClass.W9_2 or HazardClass.W10 or HazardClass.W11 => 1m,
        _ => throw new ArgumentOutOfRangeException(nameof(hazardClass), hazardClass, null),
    };

    /// <summary>The symbol of the standard: "J1", "W5.3".</summary>
    public static string Symbol(this HazardClass hazardClass) => hazardClass.ToString().Replace('_', '.');

    /// <summary>The class of a symbol ("W5.3", case-insensitive), or null when the standard has no such class.</summary>
    public static HazardClass? Parse(string symbol) =>
        Enum.TryParse<HazardClass>(symbol.Trim().Replace('.', '_'), ignoreCase: true, out var parsed)
        && Enum.IsDefined(parsed) && !symbol.Trim().All(char.IsDigit)
            ? parsed
            : null;

    /// <summary>Every class in the order of Table 2.</summary>
    public static IReadOnlyList<HazardClass> All { get; } = Enum.GetValues<HazardClass>();
}
