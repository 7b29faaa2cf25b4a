using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;

namespace DualPrevention.Core.MajorHazards;

/// <summary>A substance as the calculation needs it: its Table 1 Q if listed, its Table 2 classes, its Table 3 β if named.</summary>
public sealed record SubstanceFacts(string Name, string? Cas, decimal? ListedThresholdQuantity, IReadOnlyList<HazardClass> HazardClasses, decimal? NamedBeta);

/// <summary>
/// One substance of a unit. <paramref name="DesignMaxQuantity"/> is q, the design maximum in tonnes
/// (docs/domain/major-hazards.md#4-actual-quantity-q). <paramref name="BetaClass"/> picks the class whose Table 4 β
/// applies when the default (<see cref="BetaChoice"/>) does not fit. <paramref name="MixtureClasses"/> is set for a
/// mixture that does not fall in its pure substance's class: it then takes its own classes' Q and β
/// (docs/domain/major-hazards.md#3-threshold-quantity-q, item 3); a mixture in its pure substance's class is entered
/// as that substance with the whole mixture's q.
/// </summary>
public sealed record SubstanceQuantity(SubstanceFacts Substance, decimal DesignMaxQuantity, HazardClass? BetaClass = null, IReadOnlyList<HazardClass>? MixtureClasses = null);

/// <summary>Which Table 4 β a substance of several classes takes: GB 18218 is silent; the largest is the default (docs/domain/major-hazards.md#7-implementation-notes).</summary>
public enum BetaChoice
{
    Largest = 1,
    Smallest = 2,
}

/// <summary>Where Q came from.</summary>
public enum ThresholdQuantityBasis
{
    Table1 = 1,
    Table2 = 2,
}

/// <summary>Where β came from.</summary>
public enum BetaBasis
{
    Table3 = 1,
    Table4 = 2,
}

/// <summary>One line of the calculation: q, Q and its basis, q/Q, β and its basis.</summary>
public sealed record SubstanceRatio(
    SubstanceQuantity Input, decimal ThresholdQuantity, ThresholdQuantityBasis ThresholdQuantityBasis, HazardClass? ThresholdQuantityClass,
    decimal Ratio, decimal Beta, BetaBasis BetaBasis, HazardClass? BetaClass);

/// <summary>
/// The result of identifying and grading one unit: S always; R and the level only for a major hazard source (S ≥ 1,
/// docs/domain/major-hazards.md#61-the-formula), never for a unit below the threshold.
/// </summary>
public sealed record MajorHazardIdentification(
    IReadOnlyList<SubstanceRatio> Lines, int Population500m, decimal Alpha, BetaChoice BetaChoice, decimal SValue, bool IsMajorHazard, decimal? RValue, MajorHazardLevel? Level)
{
    /// <summary>The standard whose tables gave every number.</summary>
    public string StandardVersion { get; init; } = MajorHazardStandard.Version;
}

/// <summary>GB 18218-2018 identification (S) and grading (R) of a production or storage unit, in exact decimals.</summary>
public static class MajorHazardStandard
{
    public const string Version = "GB 18218-2018";

    /// <summary>The most people within 500 m the form accepts.</summary>
    public const int MaximumPopulation = 10_000_000;

    /// <summary>The largest q (t) the form accepts; numeric(18,4) holds it (ADR 0024).</summary>
    public const decimal MaximumQuantity = 100_000_000m;

    /// <summary>
    /// Identifies and grades a unit (docs/domain/major-hazards.md#5-identification-index-s,
    /// docs/domain/major-hazards.md#6-grading-index-r): S = Σ q/Q, a major hazard source when S ≥ 1, then
    /// R = α·Σ β·q/Q and the level of Table 6.
    /// </summary>
    /// <exception cref="DomainRuleException">No substance, q not positive, a population out of range, or a substance whose Q or β cannot be found.</exception>
    public static MajorHazardIdentification Identify(IReadOnlyList<SubstanceQuantity> substances, int population500m, BetaChoice betaChoice = BetaChoice.Largest)
    {
        if (substances.Count == 0)
        {
            throw new DomainRuleException(CoreText.Get("MajorHazards.Substances.Required"));
        }

        var lines = substances.Select(s => LineOf(s, betaChoice)).ToList();
        var alpha = AlphaFor(population500m);
        var s = lines.Sum(l => l.Ratio);
        var isMajor = s >= 1m;
        decimal? r = isMajor ? alpha * lines.Sum(l => l.Beta * l.Ratio) : null;
        return new MajorHazardIdentification(lines, population500m, alpha, betaChoice, s, isMajor, r, r is { } value ? MajorHazardGrading.LevelOf(value) : null);
    }

    /// <summary>Table 5: α by the people normally within 500 m outside the plant boundary (docs/domain/major-hazards.md#64-alpha-for-the-people-around).</summary>
    /// <exception cref="DomainRuleException">A negative or implausible number.</exception>
    public static decimal AlphaFor(int population500m) => population500m switch
    {
        < 0 or > MaximumPopulation => throw new DomainRuleException(CoreText.Get("MajorHazards.Population.Range")),
        >= 100 => 2.0m,
        >= 50 => 1.5m,
        >= 30 => 1.2m,
        >= 1 => 1.0m,
        _ => 0.5m,
    };

    private static SubstanceRatio LineOf(SubstanceQuantity input, BetaChoice betaChoice)
    {
        if (input.DesignMaxQuantity <= 0m || input.DesignMaxQuantity > MaximumQuantity)
        {
            throw new DomainRuleException(CoreText.Get("MajorHazards.Quantity.Range", input.Substance.Name));
        }

        // A mixture outside its pure substance's class is its own classes, for Q and for β (Table 1 and 3 name pure substances).
        var ownClasses = input.MixtureClasses is { Count: > 0 };
        var classes = ownClasses ? input.MixtureClasses! : input.Substance.HazardClasses;

        decimal q;
        ThresholdQuantityBasis qBasis;
        HazardClass? qClass = null;
        if (!ownClasses && input.Substance.ListedThresholdQuantity is { } listed)
        {
            (q, qBasis) = (listed, ThresholdQuantityBasis.Table1);
        }
        else if (classes.Count > 0)
        {
            // Several classes: the lowest Q of Table 2 (docs/domain/major-hazards.md#3-threshold-quantity-q, item 2).
            qClass = classes.MinBy(HazardClasses.ThresholdOf);
            (q, qBasis) = (HazardClasses.ThresholdOf(qClass!.Value), ThresholdQuantityBasis.Table2);
        }
        else
        {
            throw new DomainRuleException(CoreText.Get("MajorHazards.Substance.NoClass", input.Substance.Name));
        }

        var ratio = input.DesignMaxQuantity / q;
        if (!ownClasses && input.Substance.NamedBeta is { } named)
        {
            return new SubstanceRatio(input, q, qBasis, qClass, ratio, named, BetaBasis.Table3, null);
        }

        var betaClass = BetaClassOf(input, classes, betaChoice);
        return new SubstanceRatio(input, q, qBasis, qClass, ratio, HazardClasses.BetaOf(betaClass), BetaBasis.Table4, betaClass);
    }

    private static HazardClass BetaClassOf(SubstanceQuantity input, IReadOnlyList<HazardClass> classes, BetaChoice betaChoice)
    {
        if (input.BetaClass is { } chosen)
        {
            return classes.Count == 0 || classes.Contains(chosen)
                ? chosen
                : throw new DomainRuleException(CoreText.Get("MajorHazards.BetaClass.NotOfSubstance", chosen.Symbol(), input.Substance.Name));
        }

        if (classes.Count == 0)
        {
            throw new DomainRuleException(CoreText.Get("MajorHazards.Substance.NoClass", input.Substance.Name));
        }

        return betaChoice switch
        {
            BetaChoice.Largest => classes.MaxBy(HazardClasses.BetaOf),
            BetaChoice.Smallest => classes.MinBy(HazardClasses.BetaOf),
            _ => throw new ArgumentOutOfRangeException(nameof(betaChoice), betaChoice, null),
        };
    }
}
