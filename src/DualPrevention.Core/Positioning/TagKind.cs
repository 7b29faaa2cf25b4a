namespace DualPrevention.Core.Positioning;

/// <summary>What a positioning tag is worn as (docs/domain/positioning.md#2-records).</summary>
public enum TagKind
{
    /// <summary>工牌.</summary>
    Badge = 1,

    /// <summary>安全帽定位终端.</summary>
    Helmet = 2,

    /// <summary>腕带.</summary>
    Wristband = 3,
}
