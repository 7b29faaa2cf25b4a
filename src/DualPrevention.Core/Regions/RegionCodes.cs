namespace DualPrevention.Core.Regions;

/// <summary>Rules of six-digit GB/T 2260 division codes: PP0000 a province, PPCC00 a city, PPCCXX a county.</summary>
public static class RegionCodes
{
    /// <summary>True for exactly six ASCII digits.</summary>
    public static bool IsValid(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    /// <exception cref="ArgumentException">The code is not six digits.</exception>
    public static void EnsureValid(string code)
    {
        if (!IsValid(code))
        {
            throw new ArgumentException($"'{code}' is not a six-digit GB/T 2260 region code.", nameof(code));
        }
    }

    /// <summary>
    /// The prefix shared by every code inside the region: "37" for 370000, "3702" for 370200, the whole code
    /// for a county. The PostgreSQL function <c>dp_region_prefix</c> implements the same rule.
    /// </summary>
    public static string Prefix(string code)
    {
        EnsureValid(code);
        if (code.EndsWith("0000", StringComparison.Ordinal))
        {
            return code[..2];
        }

        return code.EndsWith("00", StringComparison.Ordinal) ? code[..4] : code;
    }

    /// <summary>The level a code denotes by its shape.</summary>
    public static RegionLevel LevelOf(string code)
    {
        var prefix = Prefix(code);
        return prefix.Length switch
        {
            2 => RegionLevel.Province,
            4 => RegionLevel.City,
            _ => RegionLevel.County,
        };
    }

    /// <summary>The city (PPCC00) a county or city code lies in.</summary>
    public static string CityOf(string code)
    {
        EnsureValid(code);
        return string.Concat(code.AsSpan(0, 4), "00");
    }
}
