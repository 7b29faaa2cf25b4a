namespace DualPrevention.Core.Permits;

/// <summary>
/// The longest validity of a permit (docs/domain/special-operations.md#5-validity-and-re-issue) and its end:
/// <c>validUntil = min(plannedEnd, issuedAt + cap)</c>.
/// </summary>
public static class PermitValidity
{
    /// <summary>Special and level 1 hot work: 8 h (§5.1.5).</summary>
    public static readonly TimeSpan HotWorkSpecialOrLevel1 = TimeSpan.FromHours(8);

    /// <summary>Level 2 hot work: 72 h (§5.1.5).</summary>
    public static readonly TimeSpan HotWorkLevel2 = TimeSpan.FromHours(72);

    /// <summary>Confined space: 24 h (§6.10).</summary>
    public static readonly TimeSpan ConfinedSpace = TimeSpan.FromHours(24);

    /// <summary>Work at height: 7 days (§8.2.11).</summary>
    public static readonly TimeSpan WorkAtHeight = TimeSpan.FromDays(7);

    /// <summary>Temporary electricity: normally 15 days (§10.8).</summary>
    public static readonly TimeSpan TemporaryElectricity = TimeSpan.FromDays(15);

    /// <summary>Temporary electricity, exceptionally: at most 30 days (§10.8).</summary>
    public static readonly TimeSpan TemporaryElectricityExceptional = TimeSpan.FromDays(30);

    /// <summary>
    /// The cap for a permit of <paramref name="type"/>; blind plate, lifting, excavation and road break have none in the
    /// standard and take <paramref name="tenantCap"/> (null: the planned end alone bounds them) [OPEN 3].
    /// </summary>
    public static TimeSpan? Cap(SpecialOperationType type, HotWorkGrade? hotWorkGrade, bool exceptionalTemporaryElectricity, TimeSpan? tenantCap) => type switch
    {
        SpecialOperationType.HotWork => hotWorkGrade == HotWorkGrade.Level2 ? HotWorkLevel2 : HotWorkSpecialOrLevel1,
        SpecialOperationType.ConfinedSpace => ConfinedSpace,
        SpecialOperationType.WorkAtHeight => WorkAtHeight,
        SpecialOperationType.TemporaryElectricity => exceptionalTemporaryElectricity ? TemporaryElectricityExceptional : TemporaryElectricity,
        SpecialOperationType.BlindPlate or SpecialOperationType.Lifting or SpecialOperationType.Excavation or SpecialOperationType.RoadBreak => tenantCap,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>
    /// The end of validity of a permit issued at <paramref name="issuedAt"/>: the earlier of the planned end and the issue
    /// time plus the cap; temporary electricity feeding hot work or confined-space work ends with that work's permit
    /// (<paramref name="fedWorkValidUntil"/>, §10.8).
    /// </summary>
    public static DateTimeOffset ValidUntil(DateTimeOffset plannedEnd, DateTimeOffset issuedAt, TimeSpan? cap, DateTimeOffset? fedWorkValidUntil = null)
    {
        var end = cap is { } c && issuedAt + c < plannedEnd ? issuedAt + c : plannedEnd;
        return fedWorkValidUntil is { } fed && fed < end ? fed : end;
    }
}
