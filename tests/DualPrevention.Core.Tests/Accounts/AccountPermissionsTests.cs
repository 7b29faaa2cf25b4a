using DualPrevention.Core.Accounts;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Tests.Accounts;

public class AccountPermissionsTests
{
    private static readonly Guid OwnEnterprise = Guid.NewGuid();
    private static readonly Guid OtherEnterprise = Guid.NewGuid();

    private static Actor Act(TenantScope scope, params string[] roles) => new(scope, roles.ToHashSet());

    [Fact]
    public void The_province_manages_city_reviewers_of_its_cities()
    {
        var province = Act(TenantScope.ForRegion("370000"), Roles.ProvinceStaff);

        AccountPermissions.CanManage(province, Roles.CityReviewer, null, "370200", null).ShouldBeTrue();
        AccountPermissions.CanManage(province, Roles.CityReviewer, null, "370211", null).ShouldBeFalse("a county is not a city");
        AccountPermissions.CanManage(province, Roles.Admin, null, "370000", null).ShouldBeFalse("only an admin creates admins");
        AccountPermissions.CanManage(province, Roles.EnterpriseAdmin, OwnEnterprise, null, "370211").ShouldBeFalse();
    }

    [Fact]
    public void A_city_reviewer_manages_the_enterprise_admins_of_its_city_only()
    {
        var qingdao = Act(TenantScope.ForRegion("370200"), Roles.CityReviewer);

        AccountPermissions.CanManage(qingdao, Roles.EnterpriseAdmin, OwnEnterprise, null, "370211").ShouldBeTrue();
        AccountPermissions.CanManage(qingdao, Roles.EnterpriseAdmin, OtherEnterprise, null, "370772").ShouldBeFalse();
        AccountPermissions.CanManage(qingdao, Roles.Inspector, OwnEnterprise, null, "370211").ShouldBeFalse();
        AccountPermissions.CanManage(qingdao, Roles.CityReviewer, null, "370200", null).ShouldBeFalse();
    }

    [Fact]
    public void An_enterprise_admin_manages_its_own_staff_only()
    {
        var admin = Act(TenantScope.ForEnterprise(OwnEnterprise), Roles.EnterpriseAdmin);

        AccountPermissions.CanManage(admin, Roles.Inspector, OwnEnterprise, null, "370211").ShouldBeTrue();
        AccountPermissions.CanManage(admin, Roles.SafetyOfficer, OwnEnterprise, null, "370211").ShouldBeTrue();
        AccountPermissions.CanManage(admin, Roles.Inspector, OtherEnterprise, null, "370211").ShouldBeFalse();
        AccountPermissions.CanManage(admin, Roles.CityReviewer, null, "370200", null).ShouldBeFalse();
    }

    [Fact]
    public void Inspectors_manage_nobody()
    {
        var inspector = Act(TenantScope.ForEnterprise(OwnEnterprise), Roles.Inspector);

        AccountPermissions.AssignableRoles(inspector).ShouldBeEmpty();
        AccountPermissions.CanManage(inspector, Roles.Inspector, OwnEnterprise, null, "370211").ShouldBeFalse();
    }

    [Theory]
    [InlineData("Abcdefg1", true)]
    [InlineData("abcdefg1!", true)]
    [InlineData("ABCDEFG!1", true)]
    [InlineData("abcdefgh1", false)]
    [InlineData("Abc1!", false)]
    [InlineData("ABCDEFGHI", false)]
    public void Passwords_need_eight_characters_from_three_classes(string password, bool strong) =>
        ThreeCharacterClassesPasswordValidator.IsStrong(password).ShouldBe(strong);
}
