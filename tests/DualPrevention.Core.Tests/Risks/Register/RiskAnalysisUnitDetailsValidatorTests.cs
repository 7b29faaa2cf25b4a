using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Risks.Register;

public class RiskAnalysisUnitDetailsValidatorTests
{
    [Theory]
    [InlineData("0532-86661119")]
    [InlineData("+86 532 8666 1119")]
    [InlineData("119")]
    [InlineData(" 0536-1234567 ")]
    public void An_emergency_phone_of_digits_dashes_plus_and_spaces_is_valid(string phone) =>
        new RiskAnalysisUnitDetailsValidator().Validate(new RiskAnalysisUnitDetails("1#储罐", null, null, phone)).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("0532-86661119 转 8")]
    [InlineData("tel:119")]
    [InlineData("(0532)86661119")]
    [InlineData("012345678901234567890123456789012")]
    public void Any_other_character_or_more_than_32_is_refused_naming_the_field(string phone)
    {
        var result = new RiskAnalysisUnitDetailsValidator().Validate(new RiskAnalysisUnitDetails("1#储罐", null, null, phone));

        result.Errors.Select(e => e.PropertyName).ShouldBe([nameof(RiskAnalysisUnitDetails.EmergencyPhone)]);
    }

    [Fact]
    public void No_emergency_phone_is_valid() =>
        new RiskAnalysisUnitDetailsValidator().Validate(new RiskAnalysisUnitDetails("1#储罐", null, null, null, "撤离")).IsValid.ShouldBeTrue();
}
