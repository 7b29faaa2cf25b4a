using DualPrevention.Core.Accounts;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// 摄像机 in the browser: the enterprise's administrator adds a camera in the dialog (a device id that is not GB/T 28181's
/// is refused there), sees it listed and retires it after confirming, on a desktop and on a phone with no serious axe
/// violation; a camera placed on the site plan is drawn on the plan's page and listed in the zone holding it.
/// </summary>
public class CameraRegistryInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_camera_added_in_the_dialog_is_listed_and_retired_after_confirming_on_a_desktop_and_a_phone()
    {
        foreach (var (width, height, deviceId) in new[] { (1280, 900, "37021100001320000501"), (375, 812, "37021100001320000502") })
        {
            var name = $"东门枪机{width}";
            var page = await browser.NewPageAsync(width, height, bypassCsp: true);
            await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
            await page.GotoAsync("/positioning/cameras");
            await BrowserFixture.WaitForPageAsync(page, "[data-testid=camera-table]");
            await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty($"{width} px");

            await BrowserFixture.ClickUntilAsync(page, "[data-testid=camera-add]", "[data-testid=camera-dialog]");
            await page.FillAsync("[data-testid=camera-name]", name);
            await page.FillAsync("[data-testid=camera-device-id]", "1234");
            await page.FillAsync("[data-testid=camera-stream-url]", "rtsp://10.0.0.8/ch1");
            await page.Locator("[data-testid=camera-stream-url]").PressAsync("Tab");
            await page.ClickAsync("[data-testid=save-camera]");
            (await page.Locator("[data-testid=camera-refusal]").TextContentAsync())!.ShouldContain("GB/T 28181");
            await page.FillAsync("[data-testid=camera-device-id]", deviceId);
            await page.Locator("[data-testid=camera-device-id]").PressAsync("Tab");
            await page.ClickAsync("[data-testid=save-camera]");

            var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=camera-row-name]", new() { HasText = name }) });
            await row.WaitForAsync();
            (await row.Locator("[data-testid=camera-row-device-id]").TextContentAsync())!.Trim().ShouldBe(deviceId);
            (await row.Locator("[data-testid=camera-live]").GetAttributeAsync("href")).ShouldBe("rtsp://10.0.0.8/ch1");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width + 1);

            await row.Locator("[data-testid=camera-retire]").ClickAsync();
            await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
            await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_camera_placed_on_the_site_plan_is_drawn_on_it_and_listed_in_its_zone()
    {
        var plan = await DemoPlanAsync();
        await SaveAsync(new CameraDetails("罐区高点球机", "37021100001320000601", "https://video.example/live/601", plan, 50, 150, "海康威视", true));
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        await page.GotoAsync($"/site-plans/{plan}");
        await page.Locator("[data-testid=camera-mark][data-camera='37021100001320000601']").WaitForAsync();
        await page.GotoAsync("/positioning/cameras");
        var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=camera-row-name]", new() { HasText = "罐区高点球机" }) });
        await row.WaitForAsync();

        (await row.Locator("[data-testid=camera-row-zone]").TextContentAsync())!.Trim().ShouldBe("罐区");
    }

    private async Task<Guid> DemoPlanAsync()
    {
        await DemoSitePlans.DrawIfNoneAsync(browser.Services.GetRequiredService<IServiceScopeFactory>(), browser.Qd1, "demo-qd1-admin", CancellationToken.None);
        await using var db = browser.OwnerContext(TenantScope.System);
        return await db.Set<SitePlan>().Where(p => p.EnterpriseId == browser.Qd1).Select(p => p.Id).FirstAsync();
    }

    private async Task SaveAsync(CameraDetails details)
    {
        Guid userId;
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            userId = await db.Users.Where(u => u.UserName == "demo-qd1-admin").Select(u => u.Id).SingleAsync();
        }

        await using var scope = browser.Services.CreateAsyncScope();
        var actor = new Actor(TenantScope.ForEnterprise(browser.Qd1, userId, "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await scope.ServiceProvider.GetRequiredService<SaveCamera.Handler>().HandleAsync(actor, new SaveCamera.Command(null, details), CancellationToken.None);
    }
}
