using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;

namespace DualPrevention.Core.Tests.Risks.MajorHazards;

/// <summary>GB 18218-2018 §4.2 at its edges.</summary>
public class MajorHazardGradingTests
{
    [Theory]
    [InlineData(0, MajorHazardLevel.Level4)]
    [InlineData(9.99, MajorHazardLevel.Level4)]
    [InlineData(10, MajorHazardLevel.Level3)]
    [InlineData(49.99, MajorHazardLevel.Level3)]
    [InlineData(50, MajorHazardLevel.Level2)]
    [InlineData(99.99, MajorHazardLevel.Level2)]
    [InlineData(100, MajorHazardLevel.Level1)]
    [InlineData(350, MajorHazardLevel.Level1)]
    public void The_level_follows_the_R_value(decimal r, MajorHazardLevel expected) => MajorHazardGrading.LevelOf(r).ShouldBe(expected);

    [Fact]
    public void A_given_R_value_overrides_a_typed_level_and_without_R_the_typed_level_stands()
    {
        var typed = new MajorHazardSourceDetails("370211001", "罐区", MajorHazardLevel.Level4, null, null, null, null);

        MajorHazardGrading.WithComputedLevel(typed with { RValue = 120m }).Level.ShouldBe(MajorHazardLevel.Level1);
        MajorHazardGrading.WithComputedLevel(typed).Level.ShouldBe(MajorHazardLevel.Level4);
    }
}
