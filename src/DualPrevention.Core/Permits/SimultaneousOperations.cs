namespace DualPrevention.Core.Permits;

/// <summary>
/// Work a permit declares that the hot-work distance rules keep away from fire (SIM-5, GB 30871-2022 §5.2.9), and that a
/// confined space with hot work may not hold (SIM-8, §6.7); part of the content, frozen with it.
/// </summary>
[Flags]
public enum SimultaneousActivity
{
    None = 0,

    /// <summary>排放可燃气体.</summary>
    VentsFlammableGas = 1,

    /// <summary>排放可燃液体.</summary>
    DischargesFlammableLiquid = 2,

    /// <summary>溶剂清洗、喷漆、涂装.</summary>
    SolventCleaningOrPainting = 4,

    /// <summary>清扫可燃性粉尘.</summary>
    SweepsCombustibleDust = 8,
}

/// <summary>The exclusion rules of docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions the platform checks.</summary>
public enum SimultaneousRule
{
    /// <summary>SIM-3, §7.10: no two blind-plate operations on the same pipeline at once.</summary>
    BlindPlatesOnOnePipeline = 1,

    /// <summary>SIM-4, §7.6: no hot work within 30 m of a blind-plate operation.</summary>
    HotWorkNearBlindPlate = 2,

    /// <summary>SIM-5, §5.2.9: no venting of flammable gas within 30 m of hot work.</summary>
    HotWorkNearGasVenting = 3,

    /// <summary>SIM-5, §5.2.9: no discharge of flammable liquid within 15 m of hot work.</summary>
    HotWorkNearLiquidDischarge = 4,

    /// <summary>SIM-5, §5.2.9: no solvent cleaning or painting within 10 m of hot work.</summary>
    HotWorkNearPainting = 5,

    /// <summary>SIM-5, §5.2.9: no sweeping of combustible dust within 10 m of hot work.</summary>
    HotWorkNearDustSweeping = 6,

    /// <summary>SIM-8, §6.7: no painting or coating in a confined space with hot work.</summary>
    PaintingInConfinedSpaceWithHotWork = 7,
}

/// <summary>What the rules need of one permit: its type and details, what it declares, where and when it works.</summary>
/// <param name="ConfinedSpace">The confined space it works in: its own for a confined-space permit, else a linked one's.</param>
/// <param name="From">UTC, the planned start.</param>
/// <param name="To">UTC, the planned end.</param>
public sealed record PermitFootprint(
    Guid Id, string Number, SpecialOperationType Type, PermitDetails Details, SimultaneousActivity Activities,
    Guid? SitePlanId, PlanCoordinate? Point, string? ConfinedSpace, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// One rule between a permit and another: a conflict (<see cref="Measured"/>, within the distance or regardless of it),
/// or a distance rule that cannot be measured because a work point is missing or the points are on different plans, to
/// be confirmed by hand by a named person (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions).
/// </summary>
/// <param name="DistanceMeters">The distance between the work points when the rule measures one and both are known.</param>
public sealed record SimultaneousFinding(SimultaneousRule Rule, Guid OtherPermitId, string OtherNumber, bool Measured, double? DistanceMeters)
{
    /// <summary>The reason the permit's step is refused: the conflict, or the check still to be confirmed by hand.</summary>
    public PermitRefusal Refusal => Measured
        ? DistanceMeters is { } distance
            ? new PermitRefusal("Permit.Simops.ConflictAt", $"SimultaneousRule.{Rule}", OtherNumber, Math.Round(distance, 1))
            : new PermitRefusal("Permit.Simops.Conflict", $"SimultaneousRule.{Rule}", OtherNumber)
        : new PermitRefusal("Permit.Simops.ConfirmByHand", $"SimultaneousRule.{Rule}", OtherNumber);
}

/// <summary>
/// 交叉作业与互斥规则 (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions): pure rules between one
/// permit and the others open at the same time. Distances are between work points on the same site plan, in plan
/// metres; "within" includes the limit. SIM-2 (one plate, one action) is the blind-plate details' single action; the
/// rules that need what the platform does not know (SIM-1 coordinator, SIM-6 dike, SIM-7 railway, SIM-9 fall line,
/// SIM-10 shared lines) stay on the measure checklists.
/// </summary>
public static class SimultaneousOperations
{
    /// <summary>SIM-4 (§7.6) and SIM-5 (§5.2.9, venting of flammable gas): 30 m.</summary>
    public const double BlindPlateAndGasVentingMeters = 30;

    /// <summary>SIM-5 (§5.2.9): discharge of flammable liquid, 15 m.</summary>
    public const double LiquidDischargeMeters = 15;

    /// <summary>SIM-5 (§5.2.9): solvent cleaning or painting, and sweeping of combustible dust, 10 m.</summary>
    public const double PaintingAndDustMeters = 10;

    /// <summary>The distance rules: hot work on one side, the other side's work, the limit.</summary>
    private static readonly (SimultaneousRule Rule, Func<PermitFootprint, bool> Other, double Meters)[] DistanceRules =
    [
        (SimultaneousRule.HotWorkNearBlindPlate, p => p.Type == SpecialOperationType.BlindPlate, BlindPlateAndGasVentingMeters),
        (SimultaneousRule.HotWorkNearGasVenting, p => p.Activities.HasFlag(SimultaneousActivity.VentsFlammableGas), BlindPlateAndGasVentingMeters),
        (SimultaneousRule.HotWorkNearLiquidDischarge, p => p.Activities.HasFlag(SimultaneousActivity.DischargesFlammableLiquid), LiquidDischargeMeters),
        (SimultaneousRule.HotWorkNearPainting, p => p.Activities.HasFlag(SimultaneousActivity.SolventCleaningOrPainting), PaintingAndDustMeters),
        (SimultaneousRule.HotWorkNearDustSweeping, p => p.Activities.HasFlag(SimultaneousActivity.SweepsCombustibleDust), PaintingAndDustMeters),
    ];

    /// <summary>Whether two permits' planned times overlap; only those can be simultaneous.</summary>
    public static bool Overlap(PermitFootprint a, PermitFootprint b) => a.From < b.To && b.From < a.To;

    /// <summary>Every finding between <paramref name="permit"/> and each of <paramref name="others"/> that overlaps it in time.</summary>
    public static IReadOnlyList<SimultaneousFinding> Check(PermitFootprint permit, IEnumerable<PermitFootprint> others)
    {
        var findings = new List<SimultaneousFinding>();
        foreach (var other in others.Where(o => o.Id != permit.Id && Overlap(permit, o)))
        {
            findings.AddRange(Between(permit, other));
        }

        return findings;
    }

    /// <summary>The findings between two permits, in the order of <see cref="SimultaneousRule"/>.</summary>
    public static IEnumerable<SimultaneousFinding> Between(PermitFootprint permit, PermitFootprint other)
    {
        if (OnOnePipeline(permit, other))
        {
            yield return new SimultaneousFinding(SimultaneousRule.BlindPlatesOnOnePipeline, other.Id, other.Number, true, null);
        }

        var distance = Distance(permit, other);
        foreach (var (rule, applies, meters) in DistanceRules)
        {
            var hotWorkAgainstIt = (permit.Type == SpecialOperationType.HotWork && applies(other)) || (other.Type == SpecialOperationType.HotWork && applies(permit));
            if (!hotWorkAgainstIt)
            {
                continue;
            }

            if (distance is null)
            {
                yield return new SimultaneousFinding(rule, other.Id, other.Number, false, null);
            }
            else if (distance <= meters)
            {
                yield return new SimultaneousFinding(rule, other.Id, other.Number, true, distance);
            }
        }

        if (PaintingInSpaceWithHotWork(permit, other) || PaintingInSpaceWithHotWork(other, permit))
        {
            yield return new SimultaneousFinding(SimultaneousRule.PaintingInConfinedSpaceWithHotWork, other.Id, other.Number, true, null);
        }
    }

    /// <summary>Metres between the two work points on one plan; null when a point is missing or the plans differ.</summary>
    public static double? Distance(PermitFootprint a, PermitFootprint b) =>
        a is { Point: { } p, SitePlanId: { } plan } && b is { Point: { } q } && b.SitePlanId == plan
            ? Math.Sqrt(((p.X - q.X) * (p.X - q.X)) + ((p.Y - q.Y) * (p.Y - q.Y)))
            : null;

    /// <summary>SIM-3: both blind plates, on the same equipment or pipe (case, width and spaces aside).</summary>
    private static bool OnOnePipeline(PermitFootprint a, PermitFootprint b) =>
        a.Details is BlindPlateDetails x && b.Details is BlindPlateDetails y && Normalise(x.EquipmentOrPipe) == Normalise(y.EquipmentOrPipe);

    /// <summary>SIM-8: hot work in a confined space while other work there paints or coats.</summary>
    private static bool PaintingInSpaceWithHotWork(PermitFootprint hot, PermitFootprint painting) =>
        hot.Type == SpecialOperationType.HotWork && painting.Activities.HasFlag(SimultaneousActivity.SolventCleaningOrPainting)
        && hot.ConfinedSpace is { } space && Normalise(space) == Normalise(painting.ConfinedSpace);

    private static string? Normalise(string? name) =>
        name is null ? null : string.Concat(name.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
}

/// <summary>An exclusion rule's text in the reader's language, with its clause (SIM-n and the standard's article).</summary>
public static class SimultaneousRuleText
{
    public static string Of(SimultaneousRule rule) => Localization.CoreText.Get($"SimultaneousRule.{rule}");
}
