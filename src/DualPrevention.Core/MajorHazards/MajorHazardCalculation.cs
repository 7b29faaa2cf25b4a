using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// 辨识分级计算: one identification and grading, kept as it was computed, never changed (a trigger refuses UPDATE and
/// DELETE; docs/domain/major-hazards.md#7-implementation-notes, ADR 0047). The lines hold every input (q, Q and its
/// basis, β and its basis, the substance's names and CAS) so an old grade reads the same after the catalogue changes.
/// </summary>
public sealed class MajorHazardCalculation : ITenantOwned
{
    private MajorHazardCalculation()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid MajorHazardSourceId { get; private set; }

    /// <summary>"GB 18218-2018".</summary>
    public string StandardVersion { get; private set; } = "";

    public MajorHazardUnitType? UnitType { get; private set; }

    public int Population500m { get; private set; }

    public decimal Alpha { get; private set; }

    public BetaChoice BetaChoice { get; private set; }

    /// <summary>The lines as computed (jsonb).</summary>
    public List<CalculationLine> Lines { get; private set; } = [];

    /// <summary>S, exact.</summary>
    public decimal SValue { get; private set; }

    public bool IsMajorHazard { get; private set; }

    /// <summary>R, exact; null below S = 1.</summary>
    public decimal? RValue { get; private set; }

    /// <summary>Null below S = 1.</summary>
    public MajorHazardLevel? Level { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CalculatedAt { get; private set; }

    public Guid? CalculatedByUserId { get; private set; }

    public string CalculatedByName { get; private set; } = "";

    internal static MajorHazardCalculation Of(
        Guid enterpriseId, string regionCode, Guid sourceId, MajorHazardUnitType? unitType, MajorHazardIdentification result,
        IReadOnlyList<(SubstanceRatio Line, Guid ChemicalId, string NameZh, string NameEn)> lines, Guid? userId, string userName, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            MajorHazardSourceId = sourceId,
            StandardVersion = result.StandardVersion,
            UnitType = unitType,
            Population500m = result.Population500m,
            Alpha = result.Alpha,
            BetaChoice = result.BetaChoice,
            Lines = [.. lines.Select(l => new CalculationLine(
            l.ChemicalId, l.NameZh, l.NameEn, l.Line.Input.Substance.Cas, l.Line.Input.DesignMaxQuantity, l.Line.ThresholdQuantity,
            l.Line.ThresholdQuantityBasis, l.Line.ThresholdQuantityClass?.Symbol(), l.Line.Ratio, l.Line.Beta, l.Line.BetaBasis,
            l.Line.BetaClass?.Symbol(), [.. (l.Line.Input.MixtureClasses ?? []).Select(c => c.Symbol())]))],
            SValue = result.SValue,
            IsMajorHazard = result.IsMajorHazard,
            RValue = result.RValue,
            Level = result.Level,
            CalculatedAt = now,
            CalculatedByUserId = userId,
            CalculatedByName = userName,
        };
}

/// <summary>One line of a stored calculation: the substance as it was named then, q, Q, q/Q and β with their bases.</summary>
public sealed record CalculationLine(
    Guid ChemicalId, string NameZh, string NameEn, string? Cas, decimal DesignMaxQuantity, decimal ThresholdQuantity,
    ThresholdQuantityBasis ThresholdQuantityBasis, string? ThresholdQuantityClass, decimal Ratio, decimal Beta, BetaBasis BetaBasis,
    string? BetaClass, IReadOnlyList<string> MixtureClasses);
