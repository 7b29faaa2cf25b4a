using DualPrevention.Core.Enterprises;

namespace DualPrevention.Core.Tests.Enterprises;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91370211MA3QD00018")]
    [InlineData("91350100M000100Y43")]
    [InlineData("91370214MA3QD0002N")]
    public void A_code_with_the_right_check_character_is_valid(string code) =>
        UnifiedSocialCreditCode.Check(code).ShouldBe(UnifiedSocialCreditCode.Problem.None);

    [Theory]
    [InlineData("91370211MA3QD00019", '8')]
    [InlineData("91350100M000100Y44", '3')]
    public void A_wrong_check_character_is_refused_and_the_right_one_is_named(string code, char expected)
    {
        UnifiedSocialCreditCode.Check(code).ShouldBe(UnifiedSocialCreditCode.Problem.WrongCheckCharacter);
        UnifiedSocialCreditCode.CheckCharacter(code.AsSpan(0, 17)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("91370211MA3QD0001")]
    [InlineData("91370211MA3QD000188")]
    [InlineData("")]
    [InlineData(null)]
    public void A_code_that_is_not_18_characters_is_refused(string? code) =>
        UnifiedSocialCreditCode.Check(code).ShouldBe(UnifiedSocialCreditCode.Problem.WrongLength);

    [Theory]
    [InlineData("91370211MA3QDO0018")]
    [InlineData("91370211ma3qd00018")]
    [InlineData("91370211MA3QD0001I")]
    public void Letters_outside_the_GB_32100_alphabet_are_refused(string code) =>
        UnifiedSocialCreditCode.Check(code).ShouldBe(UnifiedSocialCreditCode.Problem.InvalidCharacter);

    [Fact]
    public void A_check_value_of_31_becomes_the_character_0()
    {
        // 91370000MA3DEM000 sums to a multiple of 31, so 31 - 0 = 31 maps to '0' (GB 32100-2015 §4).
        UnifiedSocialCreditCode.CheckCharacter("91370000MA3DEM000").ShouldBe('0');
    }
}
