using DualPrevention.Core.Risks;

namespace DualPrevention.Web.Risks;

/// <summary>The four risk colours (docs/domain/dual-prevention.md#41-risk-levels-and-colours) and a text colour that stays readable on each.</summary>
public static class RiskLevelColors
{
    /// <summary>重大 red #E63031, 较大 orange #F48400, 一般 yellow #F1DD00, 低 blue #00B0F0; grey when not assessed.</summary>
    public static string Background(RiskLevel? level) => level switch
    {
        RiskLevel.Major => "#E63031",
        RiskLevel.Significant => "#F48400",
        RiskLevel.General => "#F1DD00",
        RiskLevel.Low => "#00B0F0",
        null => "#BDBDBD",
    };

    /// <summary>White only on red; dark text on orange, yellow and blue, where white falls below a 3:1 contrast.</summary>
    public static string Text(RiskLevel? level) => level == RiskLevel.Major ? "#FFFFFF" : "#1A1A1A";
}
