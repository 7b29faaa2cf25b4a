using DualPrevention.E2ETests.Accessibility;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// A zone's lists on the site plan (ADR 0040): the administrator puts a contractor on the office block's whitelist and an
/// employee on its post, on a phone, finds both again after a reload, and takes the employee off the post again.
/// </summary>
public class ZonePeopleInTheBrowserTests(LivePositionsInTheBrowserTests.PlanBrowserFixture browser) : IClassFixture<LivePositionsInTheBrowserTests.PlanBrowserFixture>
{
    [Fact]
    public async Task An_admin_puts_a_contractor_on_a_zones_whitelist_and_an_employee_on_its_post_and_sees_them_again()
    {
        var page = await browser.NewPageAsync(390, 844, bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/site-plans");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=site-plan-row-name]:has-text('全厂总平面图')");
        var planRow = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=site-plan-row-name]:has-text('全厂总平面图')") });
        await planRow.Locator("[data-testid=open-site-plan]").ClickAsync();
        var zoneRow = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=zone-row-name]:text-is('办公楼')") });
        await zoneRow.Locator("[data-testid=zone-people]").WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        await zoneRow.Locator("[data-testid=zone-people]").ClickAsync();
        await page.Locator("[data-testid=zone-people-Whitelisted] input").WaitForAsync();
        await page.FillAsync("[data-testid=zone-people-Whitelisted] input", "钱立新");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('钱立新')");
        await page.FillAsync("[data-testid=zone-people-Required] input", "何平");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('何平')");
        await page.Locator("[data-testid=zone-people-Whitelisted-chips]:has-text('钱立新')").WaitForAsync();
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();
        await page.ClickAsync("[data-testid=save-zone-people]");
        await page.Locator("[data-testid=zone-people-dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        await page.ReloadAsync();
        await zoneRow.Locator("[data-testid=zone-people]").WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await zoneRow.Locator("[data-testid=zone-people]").ClickAsync();
        await page.Locator("[data-testid=zone-people-Whitelisted-chips]:has-text('钱立新')").WaitForAsync();
        await page.Locator("[data-testid=zone-people-Required-chips]:has-text('何平')").WaitForAsync();

        // Taken off the post again: the list is empty after saving.
        await page.Locator("[data-testid=zone-people-Required-chips] .mud-chip:has-text('何平') .mud-chip-close-button").ClickAsync();
        await page.Locator("[data-testid=zone-people-Required-empty]").WaitForAsync();
        await page.ClickAsync("[data-testid=save-zone-people]");
        await page.Locator("[data-testid=zone-people-dialog]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await zoneRow.Locator("[data-testid=zone-people]").ClickAsync();
        await page.Locator("[data-testid=zone-people-Required-empty]").WaitForAsync();
        await page.Locator("[data-testid=zone-people-Whitelisted-chips]:has-text('钱立新')").WaitForAsync();
    }
}
