namespace DualPrevention.Core.Permits;

/// <summary>The weather the enterprise enters for a work: wind force on the Beaufort scale and the conditions §9 names.</summary>
public sealed record WeatherConditions(int WindForce, bool DenseFog = false, bool HeavySnow = false, bool Rainstorm = false);

/// <summary>The weather blocks of docs/domain/special-operations.md#9-other-measurable-conditions.</summary>
public static class WeatherBlocks
{
    /// <summary>Outdoor hot work and work at height stop at force 5 (§5.2.15, §8.2.6).</summary>
    public const int HotWorkAndHeightWindForce = 5;

    /// <summary>Outdoor lifting stops at force 6 (§9.2.4).</summary>
    public const int LiftingWindForce = 6;

    /// <summary>Why the weather forbids an outdoor permit of <paramref name="type"/> to start or resume; empty when it does not.</summary>
    /// <param name="upgraded">Hot work upgraded one grade may go ahead at force 5 (§5.2.15).</param>
    public static IReadOnlyList<PermitRefusal> Check(SpecialOperationType type, bool outdoor, bool upgraded, WeatherConditions? weather)
    {
        if (!outdoor || weather is null)
        {
            return [];
        }

        var refusals = new List<PermitRefusal>();
        switch (type)
        {
            case SpecialOperationType.HotWork when weather.WindForce >= HotWorkAndHeightWindForce && !upgraded:
                refusals.Add(new("Permit.Weather.HotWorkWind", weather.WindForce));
                break;
            case SpecialOperationType.WorkAtHeight:
                if (weather.WindForce >= HotWorkAndHeightWindForce)
                {
                    refusals.Add(new("Permit.Weather.HeightWind", weather.WindForce));
                }

                if (weather.DenseFog)
                {
                    refusals.Add(new("Permit.Weather.HeightFog"));
                }

                break;
            case SpecialOperationType.Lifting:
                if (weather.WindForce >= LiftingWindForce)
                {
                    refusals.Add(new("Permit.Weather.LiftingWind", weather.WindForce));
                }

                if (weather.HeavySnow || weather.Rainstorm || weather.DenseFog)
                {
                    refusals.Add(new("Permit.Weather.LiftingPrecipitationOrFog"));
                }

                break;
            default:
                break;
        }

        return refusals;
    }
}
