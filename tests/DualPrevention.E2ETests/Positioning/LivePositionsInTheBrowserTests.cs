using System.Globalization;
using System.Text;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// 实时位置 in the browser: the safety department sees people as dots on the plan and each zone's headcount, the page
/// follows new fixes without a reload (moving the dots in place on the Leaflet map, ADR 0044), a filter narrows the dots,
/// it fits a phone; a city reviewer sees headcounts only. The four-colour map of the same plan prints.
/// </summary>
public class LivePositionsInTheBrowserTests(LivePositionsInTheBrowserTests.PlanBrowserFixture browser) : IClassFixture<LivePositionsInTheBrowserTests.PlanBrowserFixture>
{
    [Fact]
    public async Task The_safety_department_watches_people_move_into_a_zone_and_a_regulator_sees_counts_only()
    {
        await browser.StoreFixesAsync((1, 50, 150), (20, 60, 140), (2, 250, 50), (3, 130, 100));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        await page.GotoAsync("/positioning/live");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=live-headcounts]");
        await Assertions.Expect(page.Locator("[data-testid=live-dot]")).ToHaveCountAsync(4);
        var tankFarm = page.Locator("[data-testid=live-headcount][data-zone='罐区']");
        await Assertions.Expect(tankFarm).ToHaveAttributeAsync("data-count", "2");

        await browser.StoreFixesAsync((3, 70, 150));
        await Assertions.Expect(tankFarm).ToHaveAttributeAsync("data-count", "3");

        await page.ClickAsync("[data-testid=live-type] .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('访客')");
        await Assertions.Expect(page.Locator("[data-testid=live-dot]")).ToHaveCountAsync(1);

        var phone = await browser.NewPageAsync(375, 812);
        await BrowserFixture.SignInAsync(phone, "demo-qd1-admin");
        await phone.GotoAsync("/positioning/live");
        await BrowserFixture.WaitForPageAsync(phone, "[data-testid=live-headcounts]");
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var city = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(city, "qingdao");
        await city.GotoAsync($"/positioning/live?enterprise={browser.Qd1}");
        await BrowserFixture.WaitForPageAsync(city, "[data-testid=live-counts-only]");
        await Assertions.Expect(city.Locator("[data-testid=live-headcount][data-zone='罐区']")).ToHaveAttributeAsync("data-count", "3");
        (await city.Locator("[data-testid=live-dot]").CountAsync()).ShouldBe(0);
        (await city.Locator("[data-testid=live-open-track]").CountAsync()).ShouldBe(0);
        await city.ClickAsync("[data-testid=live-open-muster]");
        await BrowserFixture.WaitForPageAsync(city, "[data-testid=muster-history]");
        (await city.Locator("[data-testid=muster-start]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_new_fix_moves_the_dot_in_place_without_reloading_the_map_and_the_keyboard_zooms_the_plan()
    {
        // Tag 3 only: the first test counts the dots of tags 1, 2, 3 and 20, whichever test runs first.
        await browser.StoreFixesAsync((3, 150, 40));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/positioning/live");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=live-headcounts]");
        var map = page.Locator("[data-testid=site-plan-map][data-ready=true]");
        var dot = page.Locator("[data-testid=live-dot][data-tag=DEMO-QD1-T003]");
        await dot.WaitForAsync();
        await map.EvaluateAsync("map => map.dataset.seen = 'before the fix'");
        await dot.EvaluateAsync("dot => dot.seenBeforeTheFix = true");
        var before = (await dot.BoundingBoxAsync())!;
        var drawn = (await dot.GetAttributeAsync("d"))!;

        await browser.StoreFixesAsync((3, 250, 40));
        await Assertions.Expect(dot).Not.ToHaveAttributeAsync("d", drawn, new LocatorAssertionsToHaveAttributeOptions { Timeout = 15_000 });
        (await dot.BoundingBoxAsync())!.X.ShouldBeGreaterThan(before.X + 100, "100 m to the east");
        (await dot.EvaluateAsync<bool>("dot => dot.seenBeforeTheFix === true")).ShouldBeTrue("the dot moved in place, not drawn anew");
        (await map.GetAttributeAsync("data-seen")).ShouldBe("before the fix", "the map was not re-created");
        (await page.EvaluateAsync<string>("location.pathname")).ShouldBe("/positioning/live");

        var fitted = await ZoomAsync(map);
        await map.FocusAsync();
        await map.PressAsync("Equal");
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-zoom", Invariant(fitted));
        (await ZoomAsync(map)).ShouldBeGreaterThan(fitted);
        await map.PressAsync("Minus");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", Invariant(fitted));
    }

    [Fact]
    public async Task The_four_colour_map_prints_filling_the_page_without_its_zoom_buttons_and_with_its_legend()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/site-plans");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=site-plan-row-name]:has-text('全厂总平面图')");
        await page.ClickAsync("[data-testid=open-four-color-map]");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=four-color-legend]");
        var map = page.Locator("[data-testid=site-plan-map][data-ready=true]");
        await map.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=site-plan-map] [data-testid=zone-Red]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=site-plan-map] .zone-label", new PageLocatorOptions { HasText = "罐区" })).ToHaveCountAsync(1);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".leaflet-control-zoom")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=print-four-color-map]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=four-color-legend]")).ToBeVisibleAsync();
        var box = (await map.BoundingBoxAsync())!;
        ((double)box.Width).ShouldBeGreaterThan(page.ViewportSize!.Width * 0.9, "the printed map fills the page's width");
        var image = page.Locator("[data-testid=site-plan-map] img.leaflet-image-layer");
        await page.WaitForFunctionAsync(
            "() => { const map = document.querySelector('[data-testid=site-plan-map]').getBoundingClientRect(); const image = document.querySelector('[data-testid=site-plan-map] img.leaflet-image-layer').getBoundingClientRect(); " +
            "return image.left >= map.left - 1 && image.right <= map.right + 1 && image.top >= map.top - 1 && image.bottom <= map.bottom + 1 && image.width > map.width * 0.5; }");
        ((double)(await image.BoundingBoxAsync())!.Width).ShouldBeGreaterThan(box.Width * 0.5, "the whole plan is fitted into the printed map");
    }

    [Fact]
    public async Task On_a_phone_the_map_is_as_wide_as_the_screen_and_most_of_its_height()
    {
        var phone = await browser.NewPageAsync(375, 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(phone, "demo-qd1-admin");
        await phone.GotoAsync("/positioning/live");
        await BrowserFixture.WaitForPageAsync(phone, "[data-testid=live-headcounts]");
        var box = (await phone.Locator("[data-testid=site-plan-map][data-ready=true]").BoundingBoxAsync())!;
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(375);
        ((double)box.Width).ShouldBeGreaterThan(300);
        ((double)box.Height).ShouldBeInRange(812 * 0.5, 812 * 0.7);
        var image = (await phone.Locator("[data-testid=site-plan-map] img.leaflet-image-layer").BoundingBoxAsync())!;
        image.X.ShouldBeGreaterThanOrEqualTo(box.X - 1, "the whole plan is fitted into the screen's width");
        (image.X + image.Width).ShouldBeLessThanOrEqualTo(box.X + box.Width + 1);
        ((double)image.Width).ShouldBeGreaterThan(box.Width * 0.75);
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        (await AxeCheck.SeriousViolationsAsync(phone)).ShouldBeEmpty();
    }

    private static async Task<double> ZoomAsync(ILocator map) => double.Parse((await map.GetAttributeAsync("data-zoom"))!, CultureInfo.InvariantCulture);

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The browser fixture with demo-qd1's plan and registry as the demo story draws them (罐区 red at x 20–120 m, y 110–180 m).</summary>
    public sealed class PlanBrowserFixture : BrowserFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var services = CreateServices();
            var scopes = services.GetRequiredService<IServiceScopeFactory>();
            await DemoSitePlans.DrawIfNoneAsync(scopes, Qd1, "demo-qd1-admin", CancellationToken.None);
            await DemoPositioningRegistry.RegisterIfNoneAsync(scopes, Qd1, "demo-qd1", "demo-qd1-admin", Clock, CancellationToken.None);
        }

        /// <summary>Fixes of demo tags (DEMO-QD1-Tnnn) stored now by the host's own ingest, as the consumer stores them.</summary>
        public Task StoreFixesAsync(params (int Tag, double X, double Y)[] fixes) => StoreFixesAsync(TimeSpan.Zero, fixes);

        /// <summary>Fixes of demo tags taken <paramref name="ago"/> before now by the host's clock.</summary>
        public async Task StoreFixesAsync(TimeSpan ago, params (int Tag, double X, double Y)[] fixes)
        {
            await using var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var at = now - ago;
            var payload = "[" + string.Join(',', fixes.Select(f => string.Create(
                CultureInfo.InvariantCulture, $$"""{"tag":"DEMO-QD1-T{{f.Tag:000}}","time":"{{at:yyyy-MM-ddTHH:mm:ss.fff}}Z","x":{{f.X}},"y":{{f.Y}}}"""))) + "]";
            await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(default);
            var outcome = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
                .HandleAsync([new AcceptFixes.Delivery(Qd1, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), now))], default);
            outcome[0].Accepted.ShouldBe(fixes.Length);
        }
    }
}
