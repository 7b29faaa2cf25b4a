using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// 实时位置 (docs/domain/positioning.md#45-retention-and-privacy): who is where on demo-qd1's plan from the fixes the ingest
/// stored — fresh fixes on the plan only, each in its zone, headcounts for everyone in scope, persons only for the
/// enterprise's administrator and safety officers and every such view audited; another enterprise gets nothing.
/// </summary>
public class LivePositionsTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    private const string TankFarm = "罐区";

    [Fact]
    public async Task The_administrator_sees_who_is_in_which_zone_and_the_view_is_audited()
    {
        var plan = await StoreFixesAsync();
        var admin = await InspectionSite.ActorAsync(database, "demo-qd1-admin", Roles.EnterpriseAdmin);

        var live = await LiveAsync(admin, new GetLivePositions.Query(plan));

        live.Present.ShouldBe(5, "the stale fix and the one off the plan are not shown");
        live.Dots.ShouldNotBeNull().Select(d => d.TagSerial).ShouldBe(["DEMO-QD1-T001", "DEMO-QD1-T002", "DEMO-QD1-T003", "DEMO-QD1-T020", "DEMO-QD1-T021"], ignoreOrder: true);
        var tankFarm = live.Zones.Single(z => z.Name == TankFarm);
        tankFarm.Count.ShouldBe(3);
        live.Zones.Single(z => z.Name == "办公楼").Count.ShouldBe(1);
        live.Dots.Single(d => d.TagSerial == "DEMO-QD1-T021").PersonName.ShouldBeNull("a free tag has no holder");
        live.Dots.Single(d => d.TagSerial == "DEMO-QD1-T003").ZoneId.ShouldBeNull("on the road between the buildings");

        var visitors = await LiveAsync(admin, new GetLivePositions.Query(plan, Type: PersonTypes.Visitor));
        visitors.Dots.ShouldNotBeNull().Select(d => d.TagSerial).ShouldBe(["DEMO-QD1-T020"]);
        visitors.Zones.Single(z => z.Name == TankFarm).Count.ShouldBe(3, "headcounts count everyone whatever the filter");
        (await LiveAsync(admin, new GetLivePositions.Query(plan, ZoneId: tankFarm.ZoneId))).Dots.ShouldNotBeNull().Count.ShouldBe(3);
        await LiveAsync(admin, new GetLivePositions.Query(plan, Audit: false));

        await using var db = database.OwnerContext(TenantScope.System);
        var views = await db.AuditEntries.Where(a => a.Action == AuditAction.PositionsViewed && a.EntityId == plan.ToString()).ToListAsync();
        views.Count.ShouldBe(3, "each audited view once; the page's refreshes are not");
        views.ShouldAllBe(a => a.UserName == "demo-qd1-admin" && a.EnterpriseId == database.Qd1);
    }

    [Theory]
    [InlineData("demo-qd1-inspector", Roles.Inspector)]
    [InlineData("qingdao", Roles.CityReviewer)]
    public async Task Others_in_scope_see_headcounts_only_and_nothing_is_audited(string userName, string role)
    {
        var plan = await StoreFixesAsync();
        var reader = await InspectionSite.ActorAsync(database, userName, role);

        var live = await LiveAsync(reader, new GetLivePositions.Query(plan));

        live.Dots.ShouldBeNull();
        (live.Present, live.Zones.Single(z => z.Name == TankFarm).Count).ShouldBe((5, 3));
        await using var db = database.OwnerContext(TenantScope.System);
        (await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PositionsViewed && a.UserName == userName)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("demo-qd2-admin", Roles.EnterpriseAdmin)]
    [InlineData("weifang", Roles.CityReviewer)]
    public async Task Another_enterprise_or_city_gets_404(string userName, string role)
    {
        var plan = await StoreFixesAsync();
        var stranger = await InspectionSite.ActorAsync(database, userName, role);

        await Should.ThrowAsync<NotFoundException>(() => LiveAsync(stranger, new GetLivePositions.Query(plan)));
    }

    private Task<GetLivePositions.Result> LiveAsync(Actor actor, GetLivePositions.Query query) =>
        InspectionSite.AsAsync<GetLivePositions.Handler, GetLivePositions.Result>(database, actor, h => h.HandleAsync(actor, query, default));

    /// <summary>Fixes through the ingest: three in the tank farm (an employee, the visitor, a free tag), one in the office, one on the road, one stale, one off the plan.</summary>
    private async Task<Guid> StoreFixesAsync()
    {
        var now = database.Clock.GetUtcNow();
        await database.StoreFixesAsync(
            (1, 50, 150, now), (20, 60, 140, now), (21, 55, 155, now), (2, 250, 50, now), (3, 130, 100, now), (4, 50, 150, now.AddMinutes(-10)), (5, 500, 50, now));
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<SitePlan>().Where(p => p.EnterpriseId == database.Qd1).Select(p => p.Id).SingleAsync();
    }
}
