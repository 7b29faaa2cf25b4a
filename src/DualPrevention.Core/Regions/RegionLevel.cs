namespace DualPrevention.Core.Regions;

/// <summary>Level of an administrative division (GB/T 2260).</summary>
public enum RegionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}
