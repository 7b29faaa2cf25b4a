using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NetTopologySuite.Geometries;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// 应急点名 and 轨迹回放 in the browser (ADR 0041): from the live map the safety department starts a muster with one click,
/// watches a person reach the assembly point without a reload and closes it; the city sees its counts only; a person's
/// track is drawn on the plan with a time slider, and the city has no such page. Desktop and phone, axe 0 serious.
/// </summary>
public class MusterAndTrackInTheBrowserTests(LivePositionsInTheBrowserTests.PlanBrowserFixture browser)
    : IClassFixture<LivePositionsInTheBrowserTests.PlanBrowserFixture>
{
    [Fact]
    public async Task The_safety_department_starts_a_muster_from_the_live_map_and_watches_people_reach_the_assembly_point()
    {
        await DrawAssemblyPointAsync();
        await browser.StoreFixesAsync((1, 50, 150), (2, 130, 40));
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/positioning/live");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=live-headcounts]");
        await Assertions.Expect(page.Locator("[data-testid=live-headcount][data-zone='东门集合点']")).ToHaveAttributeAsync("data-count", "1");

        await page.ClickAsync("[data-testid=live-open-muster]");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=muster-history]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=muster-start]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "一键点名" }).ClickAsync();
        var counts = page.Locator("[data-testid=muster-counts]");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-at-assembly", "1");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-not-at-assembly", "1");
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-unknown", "18");
        await Assertions.Expect(page.Locator("[data-testid=muster-person][data-whereabouts=InsideZone]")).ToHaveCountAsync(1);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();
        var musterPath = new Uri(page.Url).AbsolutePath;

        await browser.StoreFixesAsync((1, 125, 30));
        await Assertions.Expect(counts).ToHaveAttributeAsync("data-at-assembly", "2");
        await Assertions.Expect(page.Locator("[data-testid=muster-person][data-whereabouts=InsideZone]")).ToHaveCountAsync(0);

        var phone = await browser.NewPageAsync(375, 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(phone, "demo-qd1-admin");
        await phone.GotoAsync(musterPath);
        await BrowserFixture.WaitForPageAsync(phone, "[data-testid=muster-people]");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        (await AxeCheck.SeriousViolationsAsync(phone)).ShouldBeEmpty("375 px");

        var city = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(city, "qingdao");
        await city.GotoAsync(musterPath);
        await BrowserFixture.WaitForPageAsync(city, "[data-testid=muster-counts-only]");
        await Assertions.Expect(city.Locator("[data-testid=muster-counts]")).ToHaveAttributeAsync("data-at-assembly", "2");
        (await city.Locator("[data-testid=muster-person]").CountAsync()).ShouldBe(0);
        (await city.Locator("[data-testid=muster-close]").CountAsync()).ShouldBe(0);

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=muster-close]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "结束点名" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=muster-closed]")).ToBeVisibleAsync();
        await page.GotoAsync("/positioning/muster");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=muster-row]");
        await Assertions.Expect(page.Locator("[data-testid=muster-history]")).ToContainTextAsync("已于");
    }

    [Fact]
    public async Task A_persons_track_is_replayed_on_the_plan_and_the_city_cannot_open_the_page()
    {
        // Older than the muster's five minutes, so that the other test's roll counts this person as unknown.
        await browser.StoreFixesAsync(TimeSpan.FromMinutes(8), (7, 30, 30));
        await browser.StoreFixesAsync(TimeSpan.FromMinutes(7), (7, 60, 30));
        await browser.StoreFixesAsync(TimeSpan.FromMinutes(6), (7, 60, 60));
        var person = await HolderAsync("DEMO-QD1-T007");
        var day = BusinessTime.LocalDate(browser.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var (width, height) in new[] { (1280, 900), (375, 812) })
        {
            var page = await browser.NewPageAsync(width, height, bypassCsp: true);
            await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
            await page.GotoAsync($"/positioning/track?person={person}&date={day}");
            await BrowserFixture.WaitForPageAsync(page, "[data-testid=track-summary]");
            await Assertions.Expect(page.Locator("[data-testid=track-summary]")).ToHaveAttributeAsync("data-points", "3");
            await Assertions.Expect(page.Locator("[data-testid=track-line]")).ToHaveCountAsync(1);
            var now = page.Locator("[data-testid=track-now]");
            await Assertions.Expect(now).ToHaveCountAsync(1);
            var first = (await now.GetAttributeAsync("d"))!;
            await page.Locator("input[type=range][data-testid=track-slider], [data-testid=track-slider] input[type=range]").First.PressAsync("End");
            await Assertions.Expect(now).Not.ToHaveAttributeAsync("d", first);
            await Assertions.Expect(now).ToHaveCountAsync(1);
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
            (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty($"{width} px");
        }

        var city = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(city, "qingdao");
        (await city.Locator("[data-testid=nav-track]").CountAsync()).ShouldBe(0);
        await city.GotoAsync("/positioning/track");
        await city.WaitForURLAsync(url => url.Contains("/account/access-denied", StringComparison.Ordinal));
    }

    /// <summary>集合点 on the road between the warehouse and the office (x 122–138 m, y 20–60 m), drawn once.</summary>
    private async Task DrawAssemblyPointAsync()
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>();
        accessor.Current = TenantScope.System;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync())
        {
            if (await db.Set<Zone>().AnyAsync(z => z.Name == "东门集合点"))
            {
                return;
            }

            var plan = await db.Set<SitePlan>().Where(p => p.EnterpriseId == browser.Qd1).Select(p => p.Id).SingleAsync();
            var admin = new Actor(TenantScope.ForEnterprise(browser.Qd1, null, "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
            accessor.Current = admin.Scope;
            var outline = (Polygon)new GeometryFactory(new PrecisionModel(), 0).ToGeometry(new Envelope(122, 138, 20, 60));
            await scope.ServiceProvider.GetRequiredService<DrawZone.Handler>().HandleAsync(
                admin, new DrawZone.Command(plan, new ZoneDetails("东门集合点", outline, RiskColor.Blue, IsAssemblyPoint: true), [], []), default);
        }
    }

    private async Task<Guid> HolderAsync(string serial)
    {
        await using var db = browser.OwnerContext(TenantScope.System);
        var tag = await db.Set<PositioningTag>().Where(t => t.Serial == serial).Select(t => t.Id).SingleAsync();
        return await db.Set<TagBinding>().Where(b => b.TagId == tag && b.ReturnedAt == null).Select(b => b.PersonId).SingleAsync();
    }
}
