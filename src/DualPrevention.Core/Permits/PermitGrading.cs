namespace DualPrevention.Core.Permits;

/// <summary>
/// Grades where GB 30871-2022 derives them from a measure (docs/domain/special-operations.md#3-grades): work at height
/// from the height and the nine hazard factors, lifting from the load's mass, and the one-step hot-work upgrade.
/// </summary>
public static class PermitGrading
{
    /// <summary>Work at height starts at 2 m above the fall reference plane (§3.8).</summary>
    public const decimal HeightThresholdMeters = 2m;

    /// <summary>Lifts under 10 t may go without a permit, with a risk analysis (Table B.1 note 3).</summary>
    public const decimal LiftingPermitThresholdTonnes = 10m;

    /// <summary>Outdoor hot work at wind force 5 or more is upgraded (§5.2.15).</summary>
    public const int HotWorkUpgradeWindForce = 5;

    /// <summary>
    /// The class of work at <paramref name="heightMeters"/>: method A (no hazard factor) or B (one or more of the nine
    /// factors, §8.1.2) over the bands 2–5, over 5–15, over 15–30, over 30 m (docs/domain/special-operations.md#33-work-at-height);
    /// null below 2 m, which is no work at height.
    /// </summary>
    public static HeightClass? HeightClassOf(decimal heightMeters, int hazardFactorCount)
    {
        if (heightMeters < HeightThresholdMeters)
        {
            return null;
        }

        var band = heightMeters <= 5m ? 1 : heightMeters <= 15m ? 2 : heightMeters <= 30m ? 3 : 4;
        var methodB = hazardFactorCount > 0;
        return (HeightClass)Math.Min(4, methodB ? band + 1 : band);
    }

    /// <summary>Lifting grade by the load's mass in tonnes (§9.1): over 100 t level 1, 40–100 t level 2, under 40 t level 3.</summary>
    public static LiftingGrade LiftingGradeOf(decimal massTonnes) =>
        massTonnes > 100m ? LiftingGrade.Level1 : massTonnes >= 40m ? LiftingGrade.Level2 : LiftingGrade.Level3;

    /// <summary>Whether a lift of <paramref name="massTonnes"/> needs a permit (Table B.1 note 3: under 10 t does not).</summary>
    public static bool LiftingNeedsPermit(decimal massTonnes) => massTonnes >= LiftingPermitThresholdTonnes;

    /// <summary>An approved lifting plan is required for levels 1 and 2, and for a complex level 3 load (§9.2.1).</summary>
    public static bool LiftingPlanRequired(LiftingGrade grade, bool complexLoad) => grade != LiftingGrade.Level3 || complexLoad;

    /// <summary>One step up (升级管理, §5.1.1): level 2 → level 1 → special; special stays special [PROP].</summary>
    public static HotWorkGrade Upgrade(HotWorkGrade grade) => grade switch
    {
        HotWorkGrade.Level2 => HotWorkGrade.Level1,
        HotWorkGrade.Level1 => HotWorkGrade.Special,
        HotWorkGrade.Special => HotWorkGrade.Special,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };

    /// <summary>
    /// Whether hot work starting at <paramref name="localStart"/> (Beijing time) must be upgraded: on a holiday or public
    /// rest day, at night (the tenant's hours, <paramref name="nightFrom"/> to <paramref name="nightUntil"/>, may wrap
    /// midnight) (§5.1.1), or outdoors at wind force 5 or more (§5.2.15).
    /// </summary>
    public static bool HotWorkUpgradeRequired(DateTime localStart, bool restDay, TimeOnly nightFrom, TimeOnly nightUntil, bool outdoor, int windForce)
    {
        var time = TimeOnly.FromDateTime(localStart);
        var night = nightFrom <= nightUntil
            ? time >= nightFrom && time < nightUntil
            : time >= nightFrom || time < nightUntil;
        return restDay || night || (outdoor && windForce >= HotWorkUpgradeWindForce);
    }
}
