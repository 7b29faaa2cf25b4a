using System.Globalization;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// 危险化学品, a substance of the catalogue enterprises pick from (docs/domain/major-hazards.md#10-the-record): the 85
/// rows of Table 1, seeded and shared (no enterprise, read-only to enterprises, ADR 0047), and each enterprise's own
/// substances, which carry hazard classes but never a Table 1 Q.
/// </summary>
public sealed class HazardousChemical
{
    private HazardousChemical()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The enterprise that added it, or null for a seeded Table 1 row.</summary>
    public Guid? EnterpriseId { get; private set; }

    /// <summary>The adding enterprise's county, or null for a seeded row.</summary>
    public string? RegionCode { get; private set; }

    /// <summary>The row of GB 18218-2018 Table 1 (1–85), or null for an enterprise's substance.</summary>
    public int? TableRow { get; private set; }

    /// <summary>CAS number, e.g. "7664-41-7"; null when the standard gives none.</summary>
    public string? Cas { get; private set; }

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>Table 2 symbols ("W5.3"); <see cref="HazardClasses"/> reads them.</summary>
    public string[] HazardClassSymbols { get; private set; } = [];

    /// <summary>Table 1's Q in tonnes; null for a substance outside Table 1 (Table 2 gives its Q).</summary>
    public decimal? ThresholdQuantity { get; private set; }

    /// <summary>Table 3's β, or null.</summary>
    public decimal? NamedBeta { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<HazardClass> HazardClasses =>
        [.. HazardClassSymbols.Select(MajorHazards.HazardClasses.Parse).OfType<HazardClass>()];

    /// <summary>The name in the UI culture: Chinese for zh, else English.</summary>
    public static string NameIn(CultureInfo culture, string nameZh, string nameEn) =>
        culture.TwoLetterISOLanguageName == "zh" || nameEn.Length == 0 ? nameZh : nameEn;

    /// <summary>What the calculation needs of it.</summary>
    public SubstanceFacts Facts() =>
        new(NameIn(CultureInfo.CurrentUICulture, NameZh, NameEn), Cas, ThresholdQuantity, HazardClasses, NamedBeta);

    internal static HazardousChemical Seeded(ListedSubstance row, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        TableRow = row.Row,
        Cas = row.Cas,
        NameZh = row.NameZh,
        NameEn = row.NameEn,
        HazardClassSymbols = [.. row.HazardClasses.Select(c => c.Symbol())],
        ThresholdQuantity = row.ThresholdQuantity,
        NamedBeta = row.NamedBeta,
        CreatedAt = now,
    };

    /// <summary>An enterprise's own substance: its Q comes from Table 2 by its classes, its β from Table 3 when its CAS number is named there.</summary>
    internal static HazardousChemical Added(Guid enterpriseId, string regionCode, HazardousChemicalDetails details, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Cas = string.IsNullOrWhiteSpace(details.Cas) ? null : details.Cas.Trim(),
        NameZh = details.NameZh.Trim(),
        NameEn = details.NameEn?.Trim() ?? "",
        HazardClassSymbols = [.. details.HazardClasses.Distinct().Order().Select(c => c.Symbol())],
        NamedBeta = NamedToxicGases.BetaOf(details.Cas),
        CreatedAt = now,
    };
}

/// <summary>What an enterprise enters for a substance of its own.</summary>
public sealed record HazardousChemicalDetails(string? Cas, string NameZh, string? NameEn, IReadOnlyList<HazardClass> HazardClasses);
