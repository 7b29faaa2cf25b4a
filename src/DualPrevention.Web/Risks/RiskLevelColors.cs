using DualPrevention.Core.Risks;

namespace DualPrevention.Web.Risks;

/// <summary>The four risk colours (docs/domain/dual-prevention.md#41-risk-levels-and-colours) and a text colour that stays readable on each.</summary>
public static class RiskLevelColors
{
    /// <summary>
    /// 重大 red #D32F2F (a shade darker than the #E63031 of the domain notes, so that white text on it reads at 4.5:1), 较大 orange
    /// #F48400, 一般 yellow #F1DD00, 低 blue #00B0F0; grey when not assessed.
    /// </summary>
    public static string Background(RiskLevel? level) => level switch
    {
        RiskLevel.Major => "#D32F2F",
        RiskLevel.Significant => "#F48400",
        RiskLevel.General => "#F1DD00",
        RiskLevel.Low => "#00B0F0",
        null => "#BDBDBD",
    };

    /// <summary>White only on red; dark text on orange, yellow and blue, where white falls below 4.5:1 (WCAG 2 AA).</summary>
    public static string Text(RiskLevel? level) => level == RiskLevel.Major ? "#FFFFFF" : "#1A1A1A";
}
