namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>The level of a major hazard source from its R value (GB 18218-2018 §4.2).</summary>
public static class MajorHazardGrading
{
    /// <summary>R ≥ 100 一级; 50 ≤ R &lt; 100 二级; 10 ≤ R &lt; 50 三级; R &lt; 10 四级 (GB 18218-2018 §4.2).</summary>
    public static MajorHazardLevel LevelOf(decimal rValue) => rValue switch
    {
        >= 100m => MajorHazardLevel.Level1,
        >= 50m => MajorHazardLevel.Level2,
        >= 10m => MajorHazardLevel.Level3,
        _ => MajorHazardLevel.Level4,
    };

    /// <summary>The details with the level computed from R when R is given; the typed level stands only without R.</summary>
    public static MajorHazardSourceDetails WithComputedLevel(MajorHazardSourceDetails details) =>
        details.RValue is { } r ? details with { Level = LevelOf(r) } : details;
}
