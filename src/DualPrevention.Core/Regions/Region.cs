namespace DualPrevention.Core.Regions;

/// <summary>An administrative division (行政区划) by its GB/T 2260 code; reference data, readable by everyone.</summary>
public sealed class Region
{
    public Region(string code, string name, RegionLevel level, string? parentCode)
    {
        Code = code;
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }

    /// <summary>Six-digit code, e.g. 370202 (市南区).</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level { get; private set; }

    /// <summary>The enclosing division; null for a province.</summary>
    public string? ParentCode { get; private set; }

    /// <summary>Applies a newer edition of the division list.</summary>
    public void Rename(string name, RegionLevel level, string? parentCode)
    {
        Name = name;
        Level = level;
        ParentCode = parentCode;
    }
}
