using System.Globalization;
using System.Text;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// 实时位置 in the browser: the safety department sees people as dots on the plan and each zone's headcount, the page
/// follows new fixes without a reload, a filter narrows the dots, it fits a phone; a city reviewer sees headcounts only.
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
