namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// The cycle units people write (forms, workbooks: 小时/天/周/月/季/年) and how they are stored. The exchange knows only
/// 小时/天/月/年 (docs/domain/dual-prevention.md#52-cycles-and-cycle-units), so a week is stored as 7 天 and a quarter as 3
/// 月.
/// </summary>
public static class CycleInput
{
    private static readonly Dictionary<string, CycleInputUnit> Words = new(StringComparer.Ordinal)
    {
        ["小时"] = CycleInputUnit.Hour,
        ["时"] = CycleInputUnit.Hour,
        ["天"] = CycleInputUnit.Day,
        ["日"] = CycleInputUnit.Day,
        ["周"] = CycleInputUnit.Week,
        ["星期"] = CycleInputUnit.Week,
        ["月"] = CycleInputUnit.Month,
        ["个月"] = CycleInputUnit.Month,
        ["季"] = CycleInputUnit.Quarter,
        ["季度"] = CycleInputUnit.Quarter,
        ["年"] = CycleInputUnit.Year,
    };

    /// <summary>The stored value and unit of a cycle written as <paramref name="value"/> <paramref name="unit"/>: 2 周 → 14 天, 1 季 → 3 月.</summary>
    /// <exception cref="OverflowException">The converted value does not fit an <see cref="int"/>.</exception>
    public static (int Value, CycleUnit Unit) ToStored(int value, CycleInputUnit unit) => unit switch
    {
        CycleInputUnit.Hour => (value, CycleUnit.Hour),
        CycleInputUnit.Day => (value, CycleUnit.Day),
        CycleInputUnit.Week => (checked(value * 7), CycleUnit.Day),
        CycleInputUnit.Month => (value, CycleUnit.Month),
        CycleInputUnit.Quarter => (checked(value * 3), CycleUnit.Month),
        CycleInputUnit.Year => (value, CycleUnit.Year),
    };

    /// <summary>The form unit that shows a stored unit unchanged (a stored 7 天 is shown as 7 天, not 1 周).</summary>
    public static CycleInputUnit FromStored(CycleUnit unit) => unit switch
    {
        CycleUnit.Hour => CycleInputUnit.Hour,
        CycleUnit.Day => CycleInputUnit.Day,
        CycleUnit.Month => CycleInputUnit.Month,
        CycleUnit.Year => CycleInputUnit.Year,
    };

    /// <summary>Reads a unit word as written in workbooks (小时, 天, 周, 月, 季/季度, 年 and their common variants), ignoring spaces.</summary>
    public static bool TryParseUnit(string? word, out CycleInputUnit unit)
    {
        unit = default;
        return word is not null && Words.TryGetValue(word.Trim(), out unit);
    }
}

/// <summary>A cycle unit as people write it; <see cref="Week"/> and <see cref="Quarter"/> exist only before storage.</summary>
public enum CycleInputUnit
{
    /// <summary>小时</summary>
    Hour = 1,

    /// <summary>天</summary>
    Day = 2,

    /// <summary>周 = 7 天</summary>
    Week = 3,

    /// <summary>月</summary>
    Month = 4,

    /// <summary>季 = 3 月</summary>
    Quarter = 5,

    /// <summary>年</summary>
    Year = 6,
}
