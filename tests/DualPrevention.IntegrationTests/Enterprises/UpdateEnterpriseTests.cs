using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Enterprises;

public class UpdateEnterpriseTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static async Task<GetEnterprise.EnterpriseView> ReadAsync(IServiceProvider services, TenantScope scope, Guid id)
    {
        await using var serviceScope = services.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
        return await serviceScope.ServiceProvider.GetRequiredService<GetEnterprise.Handler>().HandleAsync(id, CancellationToken.None);
    }

    private static async Task UpdateAsync(IServiceProvider services, Actor actor, UpdateEnterprise.Command command)
    {
        await using var serviceScope = services.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await serviceScope.ServiceProvider.GetRequiredService<UpdateEnterprise.Handler>().HandleAsync(actor, command, CancellationToken.None);
    }

    [Fact]
    public async Task An_enterprise_admin_edits_its_own_enterprise_and_the_audit_trail_records_who_and_what_changed()
    {
        await using var services = database.CreateServices();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "demo-qd2-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
        var before = await ReadAsync(services, actor.Scope, database.Qd2);

        await UpdateAsync(services, actor, new UpdateEnterprise.Command(database.Qd2, before.Details with { Address = "城阳区新址2号" }, before.Version));

        (await ReadAsync(services, actor.Scope, database.Qd2)).Details.Address.ShouldBe("城阳区新址2号");
        await using var db = database.OwnerContext(TenantScope.System);
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.EntityId == database.Qd2.ToString());
        entry.Action.ShouldBe(AuditAction.Update);
        entry.UserName.ShouldBe("demo-qd2-admin");
        entry.EnterpriseId.ShouldBe(database.Qd2);
        entry.Before!.RootElement.GetProperty("Address").GetString().ShouldBe(before.Details.Address);
        entry.After!.RootElement.GetProperty("Address").GetString().ShouldBe("城阳区新址2号");
        entry.After.RootElement.TryGetProperty("Name", out _).ShouldBeFalse("only changed columns are recorded");
    }

    [Fact]
    public async Task Another_enterprise_is_not_found()
    {
        await using var services = database.CreateServices();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.EnterpriseAdmin });
        var wf1 = await ReadAsync(services, TenantScope.System, database.Wf1);

        await Should.ThrowAsync<NotFoundException>(() => UpdateAsync(services, actor, new UpdateEnterprise.Command(database.Wf1, wf1.Details with { Name = "劫持" }, wf1.Version)));
        await Should.ThrowAsync<NotFoundException>(() => ReadAsync(services, actor.Scope, database.Wf1));
    }

    [Fact]
    public async Task A_stale_version_is_refused_instead_of_overwriting_someone_elses_change()
    {
        await using var services = database.CreateServices();
        var reviewer = new Actor(TenantScope.ForRegion("370200"), new HashSet<string> { Roles.CityReviewer });
        var stale = await ReadAsync(services, reviewer.Scope, database.Qd1);
        await UpdateAsync(services, reviewer, new UpdateEnterprise.Command(database.Qd1, stale.Details with { PrincipalName = "第一人" }, stale.Version));

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            UpdateAsync(services, reviewer, new UpdateEnterprise.Command(database.Qd1, stale.Details with { PrincipalName = "第二人" }, stale.Version)));

        refused.Message.ShouldNotBeNullOrWhiteSpace();
        (await ReadAsync(services, reviewer.Scope, database.Qd1)).Details.PrincipalName.ShouldBe("第一人");
    }

    [Fact]
    public async Task An_enterprise_cannot_move_itself_to_another_county()
    {
        await using var services = database.CreateServices();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.EnterpriseAdmin });
        var view = await ReadAsync(services, actor.Scope, database.Qd1);

        await Should.ThrowAsync<DomainRuleException>(() => UpdateAsync(services, actor, new UpdateEnterprise.Command(database.Qd1, view.Details with { RegionCode = "370202" }, view.Version)));
    }

    [Fact]
    public async Task An_enterprise_may_not_change_its_regulated_facts_itself()
    {
        await using var services = database.CreateServices();
        var actor = new Actor(TenantScope.ForEnterprise(database.Qd1), new HashSet<string> { Roles.EnterpriseAdmin });
        var view = await ReadAsync(services, actor.Scope, database.Qd1);

        await Should.ThrowAsync<DomainRuleException>(() => UpdateAsync(services, actor, new UpdateEnterprise.Command(database.Qd1, view.Details with { IsMajorHazardEnterprise = false }, view.Version)));
        await Should.ThrowAsync<DomainRuleException>(() => UpdateAsync(services, actor, new UpdateEnterprise.Command(database.Qd1, view.Details with { Status = EnterpriseStatus.Closed }, view.Version)));
        (await ReadAsync(services, actor.Scope, database.Qd1)).Details.IsMajorHazardEnterprise.ShouldBeTrue();
    }

    [Fact]
    public async Task A_chemical_park_of_another_city_is_refused()
    {
        await using var services = database.CreateServices();
        var reviewer = new Actor(TenantScope.ForRegion("370200"), new HashSet<string> { Roles.CityReviewer });
        var weifangPark = await ReadAsync(services, TenantScope.System, database.Wf1);
        var qd1 = await ReadAsync(services, reviewer.Scope, database.Qd1);

        var refused = await Should.ThrowAsync<DomainRuleException>(() =>
            UpdateAsync(services, reviewer, new UpdateEnterprise.Command(database.Qd1, qd1.Details with { ChemicalParkId = weifangPark.Details.ChemicalParkId }, qd1.Version)));

        refused.Message.ShouldNotBeNullOrWhiteSpace();
    }
}
