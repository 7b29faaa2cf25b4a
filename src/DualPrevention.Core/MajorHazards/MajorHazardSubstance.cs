using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// A substance held in a major hazard source's unit with its design maximum q (docs/domain/major-hazards.md#4-actual-quantity-q),
/// and what the enterprise chose for it: the class whose β applies, or the mixture's own classes (ADR 0047).
/// </summary>
public sealed class MajorHazardSubstance : ITenantOwned
{
    private MajorHazardSubstance()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid MajorHazardSourceId { get; private set; }

    public Guid ChemicalId { get; private set; }

    /// <summary>q, the design maximum in tonnes.</summary>
    public decimal DesignMaxQuantity { get; private set; }

    /// <summary>The Table 4 class whose β applies, when the default does not fit.</summary>
    public HazardClass? BetaClass { get; private set; }

    /// <summary>A mixture outside its pure substance's class: its own Table 2 symbols; empty otherwise.</summary>
    public string[] MixtureClassSymbols { get; private set; } = [];

    /// <summary>1-based order on the page.</summary>
    public int Seq { get; private set; }

    internal static MajorHazardSubstance Of(Guid enterpriseId, string regionCode, Guid sourceId, int seq, SubstanceLine line) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        MajorHazardSourceId = sourceId,
        ChemicalId = line.ChemicalId,
        DesignMaxQuantity = line.DesignMaxQuantity,
        BetaClass = line.BetaClass,
        MixtureClassSymbols = [.. (line.MixtureClasses ?? []).Distinct().Order().Select(c => c.Symbol())],
        Seq = seq,
    };
}

/// <summary>One substance line as entered: the catalogue's substance, q in tonnes, the optional β class and mixture classes.</summary>
public sealed record SubstanceLine(Guid ChemicalId, decimal DesignMaxQuantity, HazardClass? BetaClass = null, IReadOnlyList<HazardClass>? MixtureClasses = null);
