using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Tests.Tenancy;

public class TenantScopeTests
{
    private static readonly Guid EnterpriseA = Guid.NewGuid();
    private static readonly Guid EnterpriseB = Guid.NewGuid();

    [Fact]
    public void An_enterprise_scope_allows_only_its_own_rows()
    {
        var scope = TenantScope.ForEnterprise(EnterpriseA);

        scope.Allows(EnterpriseA, "370211").ShouldBeTrue();
        scope.Allows(EnterpriseB, "370211").ShouldBeFalse();
    }

    [Fact]
    public void A_city_scope_allows_the_rows_of_its_counties_only()
    {
        var qingdao = TenantScope.ForRegion("370200");

        qingdao.Allows(EnterpriseA, "370211").ShouldBeTrue();
        qingdao.Allows(EnterpriseB, "370772").ShouldBeFalse();
    }

    [Fact]
    public void The_province_scope_allows_every_city_of_the_province() =>
        TenantScope.ForRegion("370000").Allows(EnterpriseB, "370772").ShouldBeTrue();

    [Fact]
    public void No_scope_allows_nothing_and_the_system_everything()
    {
        TenantScope.None.Allows(EnterpriseA, "370211").ShouldBeFalse();
        TenantScope.System.Allows(EnterpriseA, "370211").ShouldBeTrue();
    }

    [Fact]
    public void Session_settings_name_the_scope_for_row_level_security()
    {
        TenantScopeConnectionInterceptor.SettingsFor(TenantScope.ForEnterprise(EnterpriseA)).ShouldBe(("enterprise", EnterpriseA.ToString(), ""));
        TenantScopeConnectionInterceptor.SettingsFor(TenantScope.ForRegion("370200")).ShouldBe(("region", "", "370200"));
        TenantScopeConnectionInterceptor.SettingsFor(TenantScope.None).ShouldBe(("none", "", ""));
    }
}
