using System.Globalization;
using DualPrevention.Core.Enterprises;

namespace DualPrevention.Core.Tests.Enterprises;

public class EnterpriseDetailsValidatorTests
{
    private static readonly EnterpriseDetails Valid = new()
    {
        Name = "青岛测试化工有限公司",
        UnifiedSocialCreditCode = "91370211MA3QD00018",
        RegionCode = "370211",
        Kinds = EnterpriseKinds.Production,
        Address = "黄岛区测试路1号",
        PrincipalName = "张三",
    };

    [Fact]
    public void Complete_details_pass() => new EnterpriseDetailsValidator().Validate(Valid).IsValid.ShouldBeTrue();

    [Fact]
    public void A_wrong_credit_code_check_character_is_refused_in_Chinese_without_revealing_the_right_one()
    {
        var result = WithCulture("zh-CN", () => new EnterpriseDetailsValidator().Validate(Valid with { UnifiedSocialCreditCode = "91370211MA3QD00019" }));

        var error = result.Errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe(nameof(EnterpriseDetails.UnifiedSocialCreditCode));
        error.ErrorMessage.ShouldBe("统一社会信用代码校验码（第18位）与前17位不符（GB 32100-2015），请核对。");
    }

    [Fact]
    public void Messages_follow_the_UI_culture_in_English() =>
        WithCulture("en-US", () => new EnterpriseDetailsValidator().Validate(Valid with { Name = "" }))
            .Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("Enter the enterprise name.");

    [Theory]
    [InlineData("370200")]
    [InlineData("370000")]
    [InlineData("3702")]
    public void The_region_must_be_a_county(string regionCode) =>
        new EnterpriseDetailsValidator().Validate(Valid with { RegionCode = regionCode })
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(EnterpriseDetails.RegionCode));

    [Fact]
    public void At_least_one_kind_is_required() =>
        new EnterpriseDetailsValidator().Validate(Valid with { Kinds = EnterpriseKinds.None })
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(EnterpriseDetails.Kinds));

    [Theory]
    [InlineData("12345678")]
    [InlineData("12345678A")]
    public void The_registry_code_is_nine_digits(string code) =>
        new EnterpriseDetailsValidator().Validate(Valid with { RegistryEnterpriseCode = code })
            .Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(EnterpriseDetails.RegistryEnterpriseCode));

    [Fact]
    public void Coordinates_come_in_pairs_and_in_range()
    {
        var validator = new EnterpriseDetailsValidator();
        validator.Validate(Valid with { Longitude = 120.1m }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(EnterpriseDetails.Latitude));
        validator.Validate(Valid with { Longitude = 181m, Latitude = 36m }).Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(EnterpriseDetails.Longitude));
        validator.Validate(Valid with { Longitude = 120.1m, Latitude = 36.0m }).IsValid.ShouldBeTrue();
    }

    private static T WithCulture<T>(string culture, Func<T> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
