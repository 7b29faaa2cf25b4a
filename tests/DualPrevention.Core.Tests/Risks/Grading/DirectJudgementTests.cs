using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;

namespace DualPrevention.Core.Tests.Risks.Grading;

public class DirectJudgementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MajorHazardLevel.Level1, true)]
    [InlineData(MajorHazardLevel.Level2, true)]
    [InlineData(MajorHazardLevel.Level3, false)]
    [InlineData(null, false)]
    public void The_level_1_or_2_rule_holds_only_for_those_sources(MajorHazardLevel? level, bool holds) =>
        Rule(DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major).Matches(level).ShouldBe(holds);

    [Fact]
    public void A_matching_rule_lifts_a_lower_band_and_the_highest_matching_level_wins()
    {
        var rules = new[] { Rule(DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.General), Rule(DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major) };

        DirectJudgementRules.Deciding(rules, MajorHazardLevel.Level2, RiskLevel.Low)!.Level.ShouldBe(RiskLevel.Major);
        DirectJudgementRules.Deciding(rules, MajorHazardLevel.Level4, RiskLevel.Low)!.Level.ShouldBe(RiskLevel.General);
    }

    [Fact]
    public void A_rule_never_lowers_a_level_and_a_switched_off_rule_never_matches()
    {
        DirectJudgementRules.Deciding([Rule(DirectJudgementCondition.HoldsMajorHazardSource, RiskLevel.General)], MajorHazardLevel.Level3, RiskLevel.Significant).ShouldBeNull();
        DirectJudgementRules.Deciding([Rule(DirectJudgementCondition.HoldsLevel1Or2MajorHazardSource, RiskLevel.Major, enabled: false)], MajorHazardLevel.Level1, RiskLevel.Low).ShouldBeNull();
    }

    [Fact]
    public void The_validator_names_the_field_of_a_low_level_a_county_region_and_an_unknown_condition()
    {
        var result = new CreateDirectJudgementRuleVersion.Validator().Validate(new CreateDirectJudgementRuleVersion.Command("370202", (DirectJudgementCondition)9, RiskLevel.Low));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["RegionCode", "Condition", "Level"], ignoreOrder: true);
    }

    private static DirectJudgementRule Rule(DirectJudgementCondition condition, RiskLevel level, bool enabled = true) =>
        DirectJudgementRule.Create("370000", condition, 1, level, enabled, Now, "test", Now);
}
