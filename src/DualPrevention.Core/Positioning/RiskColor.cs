using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Positioning;

/// <summary>A zone's risk colour, one per <see cref="RiskLevel"/> and numbered alike (docs/domain/dual-prevention.md#41-risk-levels-and-colours).</summary>
public enum RiskColor
{
    /// <summary>红, 重大风险.</summary>
    Red = 1,

    /// <summary>橙, 较大风险.</summary>
    Orange = 2,

    /// <summary>黄, 一般风险.</summary>
    Yellow = 3,

    /// <summary>蓝, 低风险.</summary>
    Blue = 4,
}

/// <summary>Between levels and colours.</summary>
public static class RiskColors
{
    public static RiskColor Of(RiskLevel level) => (RiskColor)(int)level;
}
