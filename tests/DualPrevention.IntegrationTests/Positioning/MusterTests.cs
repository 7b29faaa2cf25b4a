using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// 应急点名 (docs/domain/positioning.md#43-emergency-muster, ADR 0041) on demo-qd1's plan with an assembly point drawn
/// on the road: the roll counts a person inside a zone, one at the assembly point, one between zones and everyone whose
/// tag has no fresh fix as unknown; it follows new fixes while open, keeps its counts at close, shows names only to the
/// enterprise's administrator and safety officers (audited) and nothing to another tenant.
/// </summary>
public class MusterTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    private const string AssemblyPoint = "东门集合点";

    [Fact]
    public async Task The_roll_counts_who_is_inside_who_has_arrived_and_who_is_unknown_and_follows_them_until_closed()
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var assemblyPoint = await DrawAssemblyPointAsync(admin);
        var earlier = await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default));
        await As<CloseMuster.Handler, bool>(admin, async h => { await h.HandleAsync(admin, earlier, default); return true; });
        var now = database.Clock.GetUtcNow();
        var minuteAgo = now.AddMinutes(-1);
        await database.StoreFixesAsync((1, 50, 150, minuteAgo), (2, 130, 40, minuteAgo), (3, 130, 100, minuteAgo), (4, 50, 150, now.AddMinutes(-10)));

        var id = await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default));
        (await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default))).ShouldBe(id, "a second click opens the open muster");
        var muster = await As<GetMuster.Handler, GetMuster.Result>(admin, h => h.HandleAsync(admin, new GetMuster.Query(id), default));

        muster.AtStart.ShouldBe(new MusterCounts(20, 1, 2, 17), "20 persons hold tags: T002 at the assembly point, T001 in the tank farm and T003 on the road not yet, 17 unknown");
        muster.Now.ShouldBe(muster.AtStart);
        var entries = muster.Entries.ShouldNotBeNull();
        entries.Count.ShouldBe(20, "nobody is dropped");
        var tankFarm = muster.Zones.Single(z => z.Name == "罐区");
        tankFarm.Count.ShouldBe(1);
        muster.Zones.Single(z => z.ZoneId == assemblyPoint).ShouldSatisfyAllConditions(z => z.Count.ShouldBe(1), z => z.IsAssemblyPoint.ShouldBeTrue());
        entries.Single(e => e.TagSerial == "DEMO-QD1-T001").ShouldSatisfyAllConditions(
            e => e.Whereabouts.ShouldBe(MusterRoll.Whereabouts.InsideZone), e => e.ZoneId.ShouldBe(tankFarm.ZoneId));
        entries.Single(e => e.TagSerial == "DEMO-QD1-T002").Whereabouts.ShouldBe(MusterRoll.Whereabouts.AtAssemblyPoint);
        entries.Single(e => e.TagSerial == "DEMO-QD1-T003").Whereabouts.ShouldBe(MusterRoll.Whereabouts.BetweenZones);
        entries.Single(e => e.TagSerial == "DEMO-QD1-T004").ShouldSatisfyAllConditions(
            e => e.Whereabouts.ShouldBe(MusterRoll.Whereabouts.Unknown), e => e.FixedAt.ShouldBe(now.AddMinutes(-10)), e => e.Type.ShouldBe(PersonTypes.Employee));
        entries.Single(e => e.TagSerial == "DEMO-QD1-T020").ShouldSatisfyAllConditions(
            e => e.Whereabouts.ShouldBe(MusterRoll.Whereabouts.Unknown), e => e.FixedAt.ShouldBeNull(), e => e.Type.ShouldBe(PersonTypes.Visitor));

        // The person in the tank farm walks to the assembly point: the roll follows while the muster is open.
        await database.StoreFixesAsync((1, 125, 30, now));
        var later = await As<GetMuster.Handler, GetMuster.Result>(admin, h => h.HandleAsync(admin, new GetMuster.Query(id, Audit: false), default));
        later.Now.ShouldBe(new MusterCounts(20, 2, 1, 17));
        later.Zones.Single(z => z.Name == "罐区").Count.ShouldBe(0);

        await As<CloseMuster.Handler, bool>(admin, async h => { await h.HandleAsync(admin, id, default); return true; });
        await database.StoreFixesAsync((3, 130, 30, now));
        var closed = await As<GetMuster.Handler, GetMuster.Result>(admin, h => h.HandleAsync(admin, new GetMuster.Query(id), default));
        closed.IsOpen.ShouldBeFalse();
        closed.AtClose.ShouldBe(new MusterCounts(20, 2, 1, 17), "the counts at close stay as they were");
        (closed.Now, closed.Entries).ShouldBe((null, null));
        closed.ClosedBy.ShouldBe("demo-qd1-admin");
        var history = await As<ListMusters.Handler, Paged<ListMusters.Row>>(admin, h => h.HandleAsync(new ListMusters.Query(database.Qd1), default));
        history.Items.ShouldContain(r => r.Id == id && r.AtClose == closed.AtClose && r.AtStart == muster.AtStart);
        (await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default))).ShouldNotBe(id, "a closed muster is not reopened");

        await using var db = database.OwnerContext(TenantScope.System);
        var views = await db.AuditEntries.Where(a => a.Action == AuditAction.PositionsViewed && a.EntityId == id.ToString()).ToListAsync();
        views.Count.ShouldBe(1, "the view with names is audited, the refresh is not, nor the closed muster's counts");
        views[0].ShouldSatisfyAllConditions(a => a.EntityType.ShouldBe(nameof(Muster)), a => a.UserName.ShouldBe("demo-qd1-admin"), a => a.EnterpriseId.ShouldBe(database.Qd1));
    }

    [Theory]
    [InlineData("demo-qd1-inspector", Roles.Inspector)]
    [InlineData("qingdao", Roles.CityReviewer)]
    public async Task Others_in_scope_see_the_counts_never_the_names_and_cannot_start_one(string userName, string role)
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var id = await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default));
        var reader = await InspectionSite.ActorAsync(database, userName, role);

        var muster = await As<GetMuster.Handler, GetMuster.Result>(reader, h => h.HandleAsync(reader, new GetMuster.Query(id), default));
        var history = await As<ListMusters.Handler, Paged<ListMusters.Row>>(reader, h => h.HandleAsync(new ListMusters.Query(database.Qd1), default));

        muster.Entries.ShouldBeNull();
        muster.Now.ShouldNotBeNull().Persons.ShouldBe(20);
        history.Items.ShouldContain(r => r.Id == id);
        await Should.ThrowAsync<DomainRuleException>(() => As<StartMuster.Handler, Guid>(reader, h => h.HandleAsync(reader, default)));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PositionsViewed && a.UserName == userName)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("demo-qd2-admin", Roles.EnterpriseAdmin)]
    [InlineData("weifang", Roles.CityReviewer)]
    public async Task Another_enterprise_or_city_finds_no_muster(string userName, string role)
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);
        var id = await As<StartMuster.Handler, Guid>(admin, h => h.HandleAsync(admin, default));
        var stranger = await InspectionSite.ActorAsync(database, userName, role);

        await Should.ThrowAsync<NotFoundException>(() => As<GetMuster.Handler, GetMuster.Result>(stranger, h => h.HandleAsync(stranger, new GetMuster.Query(id), default)));
        (await As<ListMusters.Handler, Paged<ListMusters.Row>>(stranger, h => h.HandleAsync(new ListMusters.Query(database.Qd1), default))).TotalCount.ShouldBe(0);
        if (role == Roles.EnterpriseAdmin)
        {
            await Should.ThrowAsync<NotFoundException>(() => As<CloseMuster.Handler, bool>(stranger, async h => { await h.HandleAsync(stranger, id, default); return true; }));
        }

        // Row-level security alone, without the EF filter: the app role in the stranger's scope reads no row.
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = stranger.Scope;
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Core.Data.DualPreventionDbContext>>().CreateDbContextAsync();
        (await db.Set<Muster>().IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    private Task<TResult> As<THandler, TResult>(Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull => InspectionSite.AsAsync(database, actor, call);

    /// <summary>集合点 on the road between the warehouse and the office (x 122–138 m, y 20–60 m); drawn once.</summary>
    private async Task<Guid> DrawAssemblyPointAsync(Actor admin)
    {
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            if (await db.Set<Zone>().Where(z => z.Name == AssemblyPoint).Select(z => (Guid?)z.Id).SingleOrDefaultAsync() is { } drawn)
            {
                return drawn;
            }
        }

        Guid plan;
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            plan = await db.Set<SitePlan>().Where(p => p.EnterpriseId == database.Qd1).Select(p => p.Id).SingleAsync();
        }

        var outline = (Polygon)new GeometryFactory(new PrecisionModel(), 0).ToGeometry(new Envelope(122, 138, 20, 60));
        return await As<DrawZone.Handler, Guid>(admin, h => h.HandleAsync(
            admin, new DrawZone.Command(plan, new ZoneDetails(AssemblyPoint, outline, RiskColor.Blue, IsAssemblyPoint: true), [], []), default));
    }
}
