namespace DualPrevention.Core.Risks;

/// <summary>The four risk levels, highest first; a lower value is a higher risk (docs/domain/dual-prevention.md#41-risk-levels-and-colours).</summary>
public enum RiskLevel
{
    /// <summary>重大风险, red (#E63031 in the domain notes; pages fill it #D32F2F, for white text at 4.5:1).</summary>
    Major = 1,

    /// <summary>较大风险, orange #F48400.</summary>
    Significant = 2,

    /// <summary>一般风险, yellow #F1DD00.</summary>
    General = 3,

    /// <summary>低风险, blue #00B0F0.</summary>
    Low = 4,
}
