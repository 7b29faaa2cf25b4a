using System.Text.Json.Serialization;

namespace DualPrevention.Core.Permits;

/// <summary>
/// The type-specific part of a permit (docs/domain/special-operations.md#11-the-permit-record, "per type, from Appendix
/// A"), stored as one typed jsonb document whose <c>kind</c> names the type (ADR 0045).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(HotWorkDetails), "HotWork")]
[JsonDerivedType(typeof(ConfinedSpaceDetails), "ConfinedSpace")]
[JsonDerivedType(typeof(BlindPlateDetails), "BlindPlate")]
[JsonDerivedType(typeof(WorkAtHeightDetails), "WorkAtHeight")]
[JsonDerivedType(typeof(LiftingDetails), "Lifting")]
[JsonDerivedType(typeof(TemporaryElectricityDetails), "TemporaryElectricity")]
[JsonDerivedType(typeof(ExcavationDetails), "Excavation")]
[JsonDerivedType(typeof(RoadBreakDetails), "RoadBreak")]
public abstract record PermitDetails
{
    /// <summary>The operation type these details belong to.</summary>
    [JsonIgnore]
    public abstract SpecialOperationType Type { get; }
}

/// <summary>Hot work: the point, the method (动火方式), the grade the applicant judged (§5.1) and the upgrade (§5.1.1).</summary>
public sealed record HotWorkDetails(string Method, HotWorkGrade Grade, bool Upgraded = false, string? UpgradeReason = null) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.HotWork;

    /// <summary>The grade the permit is managed at: one step up when upgraded (§5.1.1).</summary>
    public HotWorkGrade ManagedGrade => Upgraded ? PermitGrading.Upgrade(Grade) : Grade;
}

/// <summary>Confined space: the space, its original medium, the toxic and flammable gases expected.</summary>
public sealed record ConfinedSpaceDetails(string SpaceName, string? OriginalMedium, string? ToxicGases, string? FlammableGases) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.ConfinedSpace;
}

/// <summary>堵 / 抽: one plate, one action per permit (SIM-2, §7.11).</summary>
public enum BlindPlateAction
{
    Insert = 1,
    Remove = 2,
}

/// <summary>Blind plate: the action, the pipe and its medium, temperature (°C) and pressure (MPa), the plate.</summary>
public sealed record BlindPlateDetails(
    BlindPlateAction Action, string EquipmentOrPipe, string Medium, decimal? TemperatureCelsius, decimal? PressureMegapascals, string PlateMaterial, string PlateSpec, string PlateNumber) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.BlindPlate;
}

/// <summary>Work at height: metres above the fall reference plane and the hazard factors present (1–9, §8.1.2).</summary>
public sealed record WorkAtHeightDetails(decimal HeightMeters, IReadOnlyList<int> HazardFactors) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.WorkAtHeight;

    /// <summary>The class after GB/T 3608 as §8.1 cites it; null below 2 m.</summary>
    public HeightClass? Class => PermitGrading.HeightClassOf(HeightMeters, HazardFactors.Count);
}

/// <summary>Lifting: the load, its mass in tonnes, the rigging and whether the load is complex (§9.2.1).</summary>
public sealed record LiftingDetails(string LoadDescription, decimal LoadMassTonnes, string? Rigging, bool ComplexLoad = false) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.Lifting;

    public LiftingGrade Grade => PermitGrading.LiftingGradeOf(LoadMassTonnes);
}

/// <summary>Temporary electricity: the source point, permitted power (kW), voltage (V), whether it runs in an operating hazardous area (GA-TE-1) and past 15 days (§10.8).</summary>
public sealed record TemporaryElectricityDetails(string SourcePoint, decimal PermittedPowerKw, int Voltage, bool InHazardousArea = false, bool Exceptional = false) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.TemporaryElectricity;
}

/// <summary>Excavation: depth (m) and area (m²); near buried flammable or toxic lines in process or tank areas (GA-EX-1).</summary>
public sealed record ExcavationDetails(decimal DepthMeters, decimal AreaSquareMeters, bool NearBuriedHazardousLines = false) : PermitDetails
{
    /// <summary>Deeper than this near buried hazardous lines, the confined-space rules apply, gas tests included (§11.10).</summary>
    public const decimal ConfinedSpaceRulesDepthMeters = 1.2m;

    public override SpecialOperationType Type => SpecialOperationType.Excavation;
}

/// <summary>Road break: the units affected and the reason.</summary>
public sealed record RoadBreakDetails(string AffectedUnits, string Reason) : PermitDetails
{
    public override SpecialOperationType Type => SpecialOperationType.RoadBreak;
}
