using DualPrevention.Core.Risks;

namespace DualPrevention.Web.Risks;

/// <summary>The four risk colours (docs/domain/dual-prevention.md#41-risk-levels-and-colours) for pages: background and a text colour that stays legible on it.</summary>
internal static class RiskLevelPalette
{
    /// <summary>Grey of a unit or object not yet assessed.</summary>
    public const string Unassessed = "#9E9E9E";

    public static string Background(RiskLevel? level) => level switch
    {
        RiskLevel.Major => "#D32F2F",
        RiskLevel.Significant => "#F48400",
        RiskLevel.General => "#F1DD00",
        RiskLevel.Low => "#00B0F0",
        null => Unassessed,
    };

    /// <summary>White only on red; dark text on orange, yellow, blue and grey, where white falls below 4.5:1 (WCAG 2 AA).</summary>
    public static string Text(RiskLevel? level) => RiskLevelColors.Text(level);

    /// <summary>Inline style of a surface filled with the level's colour.</summary>
    public static string Fill(RiskLevel? level) => $"background-color:{Background(level)};color:{Text(level)}";

    /// <summary>The resource key of the level's name (重大风险 …), or of 未评估 for null.</summary>
    public static string NameKey(RiskLevel? level) => level is { } l ? $"FourColor.{l}" : "FourColor.Unassessed";

    /// <summary>Levels highest first.</summary>
    public static IReadOnlyList<RiskLevel> Levels { get; } = [RiskLevel.Major, RiskLevel.Significant, RiskLevel.General, RiskLevel.Low];
}
