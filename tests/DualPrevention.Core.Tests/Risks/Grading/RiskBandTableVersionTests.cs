using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;

namespace DualPrevention.Core.Tests.Risks.Grading;

public class RiskBandTableVersionTests
{
    private static CreateRiskBandTableVersion.Command Command(params RiskBand[] bands) => new("370700", AssessmentMethod.LS, bands);

    [Fact]
    public void The_default_tables_are_valid_versions() =>
        new CreateRiskBandTableVersion.Validator().Validate(Command([.. RiskBandTable.DefaultLec])).IsValid.ShouldBeTrue();

    [Fact]
    public void Bands_that_do_not_fall_strictly_with_the_level_are_refused() =>
        new CreateRiskBandTableVersion.Validator()
            .Validate(Command(new(RiskLevel.Major, 15, true), new(RiskLevel.Significant, 15, true), new(RiskLevel.General, 9, true)))
            .IsValid.ShouldBeFalse();

    [Fact]
    public void A_level_given_twice_is_refused() =>
        new CreateRiskBandTableVersion.Validator()
            .Validate(Command(new(RiskLevel.Major, 20, true), new(RiskLevel.Major, 15, true)))
            .IsValid.ShouldBeFalse();

    [Fact]
    public void Low_is_the_remainder_and_takes_no_band() =>
        new CreateRiskBandTableVersion.Validator()
            .Validate(Command(new(RiskLevel.Major, 20, true), new(RiskLevel.Low, 1, true)))
            .IsValid.ShouldBeFalse();

    [Theory]
    [InlineData("370211")]
    [InlineData("3707")]
    public void A_county_or_malformed_region_is_refused(string region) =>
        new CreateRiskBandTableVersion.Validator().Validate(Command([.. RiskBandTable.DefaultLs]) with { RegionCode = region }).IsValid.ShouldBeFalse();
}
