using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Accounts;

public class AccountManagementTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private async Task<IReadOnlyList<string>> VisibleUserNamesAsync(Actor actor)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var page = await scope.ServiceProvider.GetRequiredService<ListAccounts.Handler>().HandleAsync(actor, new ListAccounts.Query(PageSize: 200), CancellationToken.None);
        return page.Items.Select(r => r.UserName).ToList();
    }

    [Fact]
    public async Task An_enterprise_admin_sees_only_its_own_staff()
    {
        var names = await VisibleUserNamesAsync(new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.EnterpriseAdmin }));

        names.ShouldBe([
            "demo-qd1-admin", "demo-qd1-inspector", "demo-qd1-principal", "demo-qd1-technical", "demo-qd1-operator",
            "demo-qd1-leader", "demo-qd1-unit", "demo-qd1-safetydept", "demo-qd1-shift"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_Qingdao_reviewer_sees_the_staff_of_Qingdao_enterprises_and_not_Weifang()
    {
        var names = await VisibleUserNamesAsync(new Actor(TenantScope.ForRegion("370200"), new HashSet<string> { Roles.CityReviewer }));

        names.ShouldContain("demo-qd2-inspector");
        names.ShouldNotContain(n => n.StartsWith("demo-wf1", StringComparison.Ordinal));
        names.ShouldNotContain("weifang");
    }

    [Fact]
    public async Task The_province_sees_regulator_accounts_but_not_enterprise_staff()
    {
        var names = await VisibleUserNamesAsync(new Actor(TenantScope.ForRegion("370000"), new HashSet<string> { Roles.ProvinceStaff }));

        names.ShouldContain("qingdao");
        names.ShouldContain("weifang");
        names.ShouldNotContain(n => n.StartsWith("demo-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_enterprise_admin_cannot_create_staff_in_another_enterprise()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.EnterpriseAdmin });
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;

        await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<CreateAccount.Handler>().HandleAsync(
            actor,
            new CreateAccount.Command(new NewAccount { UserName = "planted", DisplayName = "间谍", InitialPassword = "Start#2026" }, Roles.Inspector, database.Qd2, null),
            CancellationToken.None));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync("demo-wf1-inspector"))!;

        for (var attempt = 0; attempt < 5; attempt++)
        {
            (await users.CheckPasswordAsync(user, "wrong-Password1")).ShouldBeFalse();
            await users.AccessFailedAsync(user);
        }

        (await users.IsLockedOutAsync(user)).ShouldBeTrue();
        var lockedUntil = (await users.GetLockoutEndDateAsync(user))!.Value;
        // Identity stamps the lockout with the system clock, not the injected one.
        (lockedUntil - TimeProvider.System.GetUtcNow()).ShouldBe(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_forced_change_cannot_keep_the_same_password()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByNameAsync("demo-qd2-admin"))!;

        await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<ChangeOwnPassword.Handler>()
            .HandleAsync(user.Id, new ChangeOwnPassword.Command(DemoDatabase.Password, DemoDatabase.Password)));
    }

    [Fact]
    public async Task Enterprise_staff_user_names_carry_the_enterprise_prefix()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd2), new HashSet<string> { Roles.EnterpriseAdmin });
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var create = scope.ServiceProvider.GetRequiredService<CreateAccount.Handler>();

        await Should.ThrowAsync<DomainRuleException>(() => create.HandleAsync(
            actor, new CreateAccount.Command(new NewAccount { UserName = "officer2", DisplayName = "安全员乙", InitialPassword = "Start#2026" }, Roles.SafetyOfficer, database.Qd2, null), CancellationToken.None));
        var id = await create.HandleAsync(
            actor, new CreateAccount.Command(new NewAccount { UserName = "demo-qd2-officer2", DisplayName = "安全员乙", InitialPassword = "Start#2026" }, Roles.SafetyOfficer, database.Qd2, null), CancellationToken.None);

        id.ShouldNotBe(Guid.Empty);
    }
}
