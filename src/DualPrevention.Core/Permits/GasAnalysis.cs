namespace DualPrevention.Core.Permits;

/// <summary>How a flammable reading was taken: % volume fraction, or % of the lower explosive limit (what portable detectors show).</summary>
public enum GasReadingUnit
{
    /// <summary>% vol (体积分数).</summary>
    PercentVolume = 1,

    /// <summary>%LEL.</summary>
    PercentLel = 2,
}

/// <summary>A toxic substance's reading against its GBZ 2.1 occupational exposure limit, both in mg/m³.</summary>
public sealed record ToxicReading(string Substance, decimal ValueMgPerM3, decimal LimitMgPerM3);

/// <summary>
/// One sample of a gas test (docs/domain/special-operations.md#64-the-gas-test-record): the flammable reading with its
/// representative gas and that gas's LEL in % vol, oxygen in % vol, toxic readings.
/// </summary>
public sealed record GasSample(
    string RepresentativeGas,
    decimal LowerExplosiveLimit,
    decimal FlammableValue,
    GasReadingUnit Unit,
    decimal? Oxygen,
    IReadOnlyList<ToxicReading> Toxic,
    bool OxygenEnriched = false,
    bool OxygenEquipment = false);

/// <summary>The acceptance limits of docs/domain/special-operations.md#61-limits and the %LEL conversion of §6.2.</summary>
public static class GasAnalysis
{
    /// <summary>The LEL (% vol) at and above which the 0.5 % vol limit applies (§5.3.2).</summary>
    public const decimal HighLelThreshold = 4m;

    /// <summary>Flammables when the representative gas's LEL is at least 4 %: at most 0.5 % vol (§5.3.2 a).</summary>
    public const decimal FlammableLimitHighLel = 0.5m;

    /// <summary>Flammables when the representative gas's LEL is under 4 %: at most 0.2 % vol (§5.3.2 b).</summary>
    public const decimal FlammableLimitLowLel = 0.2m;

    /// <summary>Oxygen inside a confined space: 19.5–21 % vol (§6.4 a).</summary>
    public const decimal OxygenMin = 19.5m;

    /// <inheritdoc cref="OxygenMin"/>
    public const decimal OxygenMax = 21m;

    /// <summary>Oxygen in oxygen-enriched surroundings, and inside oxygen equipment for hot work: at most 23.5 % vol (§6.4 a, §5.2.7).</summary>
    public const decimal OxygenEnrichedMax = 23.5m;

    /// <summary>The flammable limit in % vol for a representative gas of <paramref name="lel"/> % vol (§5.3.2).</summary>
    public static decimal FlammableLimit(decimal lel) => lel >= HighLelThreshold ? FlammableLimitHighLel : FlammableLimitLowLel;

    /// <summary>% vol from a %LEL reading: <c>vol% = %LEL × LEL / 100</c> (§6.2).</summary>
    public static decimal ToPercentVolume(decimal percentLel, decimal lel) => percentLel * lel / 100m;

    /// <summary>The flammable limit expressed in %LEL, what a portable detector shows (§6.2: methane 10, hydrogen 12.5).</summary>
    public static decimal FlammableLimitInPercentLel(decimal lel) => FlammableLimit(lel) * 100m / lel;

    /// <summary>
    /// Why <paramref name="sample"/> fails for a permit of <paramref name="type"/>; empty when it passes. Flammables are
    /// judged for every type; oxygen and toxic substances inside a confined space (§6.4), where an oxygen reading is
    /// required; oxygen inside oxygen equipment for hot work (§5.2.7).
    /// </summary>
    public static IReadOnlyList<PermitRefusal> Judge(SpecialOperationType type, GasSample sample)
    {
        var refusals = new List<PermitRefusal>();
        if (sample.LowerExplosiveLimit <= 0m || sample.LowerExplosiveLimit > 100m)
        {
            refusals.Add(new("Permit.Gas.LelOutOfRange"));
            return refusals;
        }

        var volume = sample.Unit == GasReadingUnit.PercentLel
            ? ToPercentVolume(sample.FlammableValue, sample.LowerExplosiveLimit)
            : sample.FlammableValue;
        var limit = FlammableLimit(sample.LowerExplosiveLimit);
        if (volume > limit)
        {
            refusals.Add(new("Permit.Gas.FlammableOverLimit", volume, limit));
        }

        var confined = type == SpecialOperationType.ConfinedSpace;
        if (confined && sample.Oxygen is null)
        {
            refusals.Add(new("Permit.Gas.OxygenRequired"));
        }

        if (sample.Oxygen is { } oxygen)
        {
            if (confined)
            {
                var max = sample.OxygenEnriched ? OxygenEnrichedMax : OxygenMax;
                if (oxygen < OxygenMin || oxygen > max)
                {
                    refusals.Add(new("Permit.Gas.OxygenOutOfRange", oxygen, OxygenMin, max));
                }
            }
            else if (type == SpecialOperationType.HotWork && sample.OxygenEquipment && oxygen > OxygenEnrichedMax)
            {
                refusals.Add(new("Permit.Gas.OxygenEquipmentOverLimit", oxygen, OxygenEnrichedMax));
            }
        }

        refusals.AddRange(sample.Toxic
            .Where(t => t.ValueMgPerM3 > t.LimitMgPerM3)
            .Select(t => new PermitRefusal("Permit.Gas.ToxicOverLimit", t.Substance, t.ValueMgPerM3, t.LimitMgPerM3)));
        return refusals;
    }
}
