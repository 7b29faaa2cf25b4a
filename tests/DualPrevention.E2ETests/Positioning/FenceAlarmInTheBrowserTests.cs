using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// A visitor walks into a red zone closed to visitors: the fixes are stored by the app's own
/// ingest, its fence rules raise an unauthorised entry (ADR 0040), and the open duty page 报警中心 shows it without a reload.
/// </summary>
public class FenceAlarmInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_visitor_walking_into_the_red_zone_appears_on_the_open_duty_page_as_an_unauthorised_entry()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/alarms");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=alarm-list], [data-testid=alarm-empty]");
        await page.Locator("[data-testid=alarm-sound][data-live=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await WalkVisitorIntoRedZoneAsync();

        var row = page.Locator("[data-testid=alarm-row]", new() { HasText = "蒋文" });
        await row.WaitForAsync();
        (await row.TextContentAsync())!.ShouldContain("越界闯入");
    }

    /// <summary>
    /// A red zone closed to visitors and a visitor with a tag, as an administrator sets them up, then eight fixes 5 s apart
    /// in the zone from the visitor's tag, stored as the fix consumer stores a message.
    /// </summary>
    private async Task WalkVisitorIntoRedZoneAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        PositioningTag tag;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync())
        {
            var region = await db.Enterprises.Where(e => e.Id == browser.Qd1).Select(e => e.RegionCode).SingleAsync();
            var plan = SitePlan.Create(browser.Qd1, region, "围栏演示平面图", 1000, 800, new PlanScale(0, 800, 1), now);
            var outline = new GeometryFactory(new PrecisionModel(), 0).CreatePolygon([new(40000, 0), new(40050, 0), new(40050, 40), new(40000, 40), new(40000, 0)]);
            var zone = Zone.Draw(plan, new ZoneDetails("液化烃罐区", outline, RiskColor.Red, AllowedPersonTypes: PersonTypes.Employee | PersonTypes.Contractor), ZoneSource.Manual, now);
            tag = PositioningTag.Register(browser.Qd1, region, $"VIS-{Guid.NewGuid():N}"[..16], TagKind.Badge, now);
            var visitor = Person.Register(browser.Qd1, region, "蒋文", PersonTypes.Visitor, "青岛某设计院", TrainingStatus.Trained, now);
            db.AddRange(plan, zone, tag, visitor, TagBinding.Bind(tag, visitor, now.AddMinutes(-5), now.AddHours(4)));
            await db.SaveChangesAsync();
        }

        scope.ServiceProvider.GetRequiredService<ZoneChanges>().Changed(browser.Qd1);
        var fixes = Enumerable.Range(0, 8)
            .Select(i => new ReceivedFix(i, tag.Serial, now.AddSeconds(i * 5), 40020 + (0.3 * (i % 2)), 20, null, null, null, 1, 80, false, false))
            .ToList();
        await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>().HandleAsync(
            [new AcceptFixes.Delivery(browser.Qd1, new FixBatch(fixes, []))], CancellationToken.None);
    }
}
