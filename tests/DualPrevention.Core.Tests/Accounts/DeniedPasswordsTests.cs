using DualPrevention.Core.Accounts;

namespace DualPrevention.Core.Tests.Accounts;

public class DeniedPasswordsTests
{
    [Theory]
    [InlineData("Demo@2026")]
    [InlineData("Passw0rd")]
    [InlineData("P@ssw0rd1!")]
    [InlineData("Password2026!")]
    [InlineData("2026#Qwerty")]
    [InlineData("Shandong@123")]
    public void Common_leaked_and_platform_passwords_are_refused_through_their_disguises(string password)
    {
        ThreeCharacterClassesPasswordValidator.IsStrong(password).ShouldBeTrue();
        DeniedPasswords.IsCommon(password).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Hazard#Qd7x")]
    [InlineData("Start#2026")]
    [InlineData("Xk4#tRq9vL")]
    public void Uncommon_passwords_pass(string password) => DeniedPasswords.IsCommon(password).ShouldBeFalse();

    [Fact]
    public void A_password_holding_the_user_name_or_the_short_code_in_any_case_is_refused()
    {
        DeniedPasswords.ContainsAny("Demo-QD1-admin#9", "demo-qd1-admin", "demo-qd1").ShouldBeTrue();
        DeniedPasswords.ContainsAny("x9#DEMO-QD1zz", "demo-qd1-inspector", "demo-qd1").ShouldBeTrue();
        DeniedPasswords.ContainsAny("Hazard#Qd7x", "demo-qd1-admin", "demo-qd1").ShouldBeFalse();
    }
}
