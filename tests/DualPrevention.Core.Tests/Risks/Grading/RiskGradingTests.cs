using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Risks.Grading;

/// <summary>The default bands (docs/domain/dual-prevention.md#43-ls-bands, docs/domain/dual-prevention.md#45-lec) at every edge.</summary>
public class RiskGradingTests
{
    [Theory]
    [InlineData(1, 1, RiskLevel.Low)]
    [InlineData(2, 4, RiskLevel.Low)]
    [InlineData(3, 3, RiskLevel.General)]
    [InlineData(3, 4, RiskLevel.General)]
    [InlineData(3, 5, RiskLevel.Significant)]
    [InlineData(4, 4, RiskLevel.Significant)]
    [InlineData(4, 5, RiskLevel.Major)]
    [InlineData(5, 5, RiskLevel.Major)]
    public void LS_scores_8_9_12_15_16_20_25_fall_in_the_DB37_bands(int l, int s, RiskLevel expected)
    {
        var score = RiskGrading.Score(AssessmentMethod.LS, l, s, null, null);

        RiskGrading.Classify(score, RiskBandTable.DefaultLs).ShouldBe(expected);
    }

    [Theory]
    [InlineData(69.99, RiskLevel.Low)]
    [InlineData(70, RiskLevel.General)]
    [InlineData(159.99, RiskLevel.General)]
    [InlineData(160, RiskLevel.Significant)]
    [InlineData(320, RiskLevel.Significant)]
    [InlineData(320.01, RiskLevel.Major)]
    public void LEC_320_is_still_orange_and_only_above_it_red(decimal score, RiskLevel expected) =>
        RiskGrading.Classify(score, RiskBandTable.DefaultLec).ShouldBe(expected);

    [Theory]
    [InlineData(3, 6, 3, 54, RiskLevel.Low)]
    [InlineData(1, 10, 7, 70, RiskLevel.General)]
    [InlineData(6, 6, 3, 108, RiskLevel.General)]
    [InlineData(10, 6, 3, 180, RiskLevel.Significant)]
    [InlineData(0.5, 6, 100, 300, RiskLevel.Significant)]
    [InlineData(6, 6, 15, 540, RiskLevel.Major)]
    public void LEC_scores_on_the_classic_scales_are_graded(decimal l, decimal e, decimal c, decimal expectedScore, RiskLevel expected)
    {
        var score = RiskGrading.Score(AssessmentMethod.LEC, l, null, e, c);

        score.ShouldBe(expectedScore);
        RiskGrading.Classify(score, RiskBandTable.DefaultLec).ShouldBe(expected);
    }

    [Theory]
    [InlineData(3, RiskLevel.Low)]
    [InlineData(4, RiskLevel.General)]
    [InlineData(9, RiskLevel.General)]
    [InlineData(10, RiskLevel.Significant)]
    [InlineData(16, RiskLevel.Significant)]
    [InlineData(20, RiskLevel.Major)]
    public void The_matrix_variant_a_bands_are_20_10_4(int score, RiskLevel expected) =>
        RiskGrading.Classify(score, RiskBandTable.DefaultMatrix).ShouldBe(expected);

    [Theory]
    [InlineData(AssessmentMethod.LS, 0.0, 3.0, null, null)]
    [InlineData(AssessmentMethod.LS, 6.0, 3.0, null, null)]
    [InlineData(AssessmentMethod.LS, 2.5, 3.0, null, null)]
    [InlineData(AssessmentMethod.RiskMatrix, 3.0, null, null, null)]
    [InlineData(AssessmentMethod.LEC, 4.0, null, 6.0, 15.0)]
    [InlineData(AssessmentMethod.LEC, 3.0, null, 6.0, null)]
    public void Inputs_off_the_method_scales_are_refused(AssessmentMethod method, double? l, double? s, double? e, double? c) =>
        Should.Throw<DomainRuleException>(() => RiskGrading.Score(method, (decimal?)l, (decimal?)s, (decimal?)e, (decimal?)c));

    [Fact]
    public void A_unit_is_as_high_as_its_highest_event_and_an_empty_one_has_no_level()
    {
        RiskGrading.Highest([RiskLevel.Low, RiskLevel.Significant, RiskLevel.General]).ShouldBe(RiskLevel.Significant);
        RiskGrading.Highest([]).ShouldBeNull();
    }

    [Fact]
    public void Leftover_inputs_of_another_method_are_dropped_before_comparing()
    {
        new RiskAssessmentInput(AssessmentMethod.LS, 2, 3, 6, 15).Normalized().ShouldBe(new RiskAssessmentInput(AssessmentMethod.LS, 2, 3, null, null));
        new RiskAssessmentInput(AssessmentMethod.LEC, 6, 3, 6, 15).Normalized().ShouldBe(new RiskAssessmentInput(AssessmentMethod.LEC, 6, null, 6, 15));
    }
}
