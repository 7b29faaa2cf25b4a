using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Enterprises;

public class RegisterEnterpriseTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Actor Qingdao = new(TenantScope.ForRegion("370200"), new HashSet<string> { Roles.CityReviewer });

    private static RegisterEnterprise.Command Command(string shortCode, string creditCode, string county = "370283") => new(
        shortCode,
        new EnterpriseDetails
        {
            Name = $"{shortCode} 化工有限公司",
            UnifiedSocialCreditCode = creditCode,
            RegionCode = county,
            Kinds = EnterpriseKinds.Storage,
            Address = "平度市化工路8号",
            PrincipalName = "李四",
        },
        new NewAccount { UserName = $"{shortCode}-admin", DisplayName = "王五", InitialPassword = "Start#2026" });

    private static string CreditCode(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    [Fact]
    public async Task A_city_reviewer_registers_an_enterprise_of_its_city_with_its_first_admin_who_must_change_the_password()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();

        var id = await scope.ServiceProvider.GetRequiredService<RegisterEnterprise.Handler>()
            .HandleAsync(Qingdao, Command("qd-pingdu", CreditCode("91370283MA3PD0001")), CancellationToken.None);

        await using var db = database.OwnerContext(TenantScope.System);
        var enterprise = await db.Enterprises.SingleAsync(e => e.Id == id);
        enterprise.RegionCode.ShouldBe("370283");
        var admin = await db.Users.SingleAsync(u => u.UserName == "qd-pingdu-admin");
        admin.EnterpriseId.ShouldBe(id);
        admin.MustChangePassword.ShouldBeTrue();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.IsInRoleAsync(admin, Roles.EnterpriseAdmin)).ShouldBeTrue();
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Enterprise) && a.EntityId == id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task A_city_reviewer_cannot_register_an_enterprise_in_another_city()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();

        await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<RegisterEnterprise.Handler>()
            .HandleAsync(Qingdao, Command("wf-sneaky", CreditCode("91370781MA3QW0001"), county: "370781"), CancellationToken.None));
    }

    [Fact]
    public async Task A_credit_code_held_by_an_enterprise_of_another_city_is_refused_by_name_and_nothing_is_half_written()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();

        // demo-wf1's code lies in Weifang, invisible to Qingdao under row-level security; the unique index still holds.
        var refused = await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<RegisterEnterprise.Handler>()
            .HandleAsync(Qingdao, Command("qd-copycat", "91370772MA3WF00017"), CancellationToken.None));

        refused.Message.ShouldContain("91370772MA3WF00017");
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Users.AnyAsync(u => u.UserName == "qd-copycat-admin")).ShouldBeFalse();
        (await db.Enterprises.AnyAsync(e => e.ShortCode == "qd-copycat")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_taken_user_name_rolls_back_the_enterprise_too()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        (await users.CreateAsync(new ApplicationUser { UserName = "qd-twin-admin", DisplayName = "先到者", ScopeRegionCode = "370200", CreatedAt = database.Clock.GetUtcNow() }, "Start#2026")).Succeeded.ShouldBeTrue();

        await Should.ThrowAsync<DomainRuleException>(() => scope.ServiceProvider.GetRequiredService<RegisterEnterprise.Handler>()
            .HandleAsync(Qingdao, Command("qd-twin", CreditCode("91370283MA3PD0009")), CancellationToken.None));

        await using var db = database.OwnerContext(TenantScope.System);
        (await db.Enterprises.AnyAsync(e => e.ShortCode == "qd-twin")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_check_character_is_refused_before_anything_is_written()
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();

        var refused = await Should.ThrowAsync<ValidationException>(() => scope.ServiceProvider.GetRequiredService<RegisterEnterprise.Handler>()
            .HandleAsync(Qingdao, Command("qd-typo", "91370283MA3PD00010"), CancellationToken.None));

        refused.Errors.ShouldContain(e => e.PropertyName == "Details.UnifiedSocialCreditCode");
    }
}
