using System.Globalization;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// The registry's main flow at the gate (ADR 0036): the safety department registers a visitor, hands them a temporary
/// tag until tomorrow with an employee as escort, sees who holds it and with whom, and takes it back when the visitor
/// leaves.
/// </summary>
public class RegistryInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_registers_a_visitor_binds_a_temporary_tag_with_an_escort_and_takes_it_back()
    {
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            var region = await db.Enterprises.Where(e => e.Id == browser.Qd1).Select(e => e.RegionCode).SingleAsync();
            db.Add(Person.Register(browser.Qd1, region, "陪同员工王建国", PersonTypes.Employee, null, TrainingStatus.Trained, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        await page.GotoAsync("/positioning/tags");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=tag-register]");
        await page.FillAsync("[data-testid=tag-serial]", "BROWSER-VIS-01");
        await page.Locator("[data-testid=tag-serial]").PressAsync("Tab");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=tag-register-button]", "[data-testid=tag-row-serial]:has-text('BROWSER-VIS-01')");

        await page.GotoAsync("/positioning/persons");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=person-register-panel]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=person-register-panel] .mud-expand-panel-header", "[data-testid=person-name]");
        await page.FillAsync("[data-testid=person-name]", "浏览器访客");
        await page.ClickAsync("[data-testid=person-type] .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('访客')");
        await page.FillAsync("[data-testid=person-company]", "某设计院");
        await page.Locator("[data-testid=person-company]").PressAsync("Tab");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=person-register-button]", "[data-testid=person-row-name]:has-text('浏览器访客')");

        await page.GotoAsync("/positioning/bindings");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=binding-form]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=binding-tag] .mud-select", ".mud-popover-open .mud-list-item:has-text('BROWSER-VIS-01')");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('BROWSER-VIS-01')");
        await page.FillAsync("[data-testid=binding-person] input", "浏览器访客");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('浏览器访客')");
        await page.FillAsync("[data-testid=binding-escort] input", "陪同员工王建国");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('陪同员工王建国')");
        var tomorrow = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("[data-testid=binding-until-date] input", tomorrow);
        await page.Locator("[data-testid=binding-until-date] input").PressAsync("Tab");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=binding-bind]", "[data-testid=binding-row-tag]:has-text('BROWSER-VIS-01')");
        var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=binding-row-tag]:has-text('BROWSER-VIS-01')") });
        (await row.Locator("[data-testid=binding-row-person]").TextContentAsync())!.ShouldContain("浏览器访客");
        (await row.Locator("[data-testid=binding-row-escort]").TextContentAsync())!.ShouldContain("陪同员工王建国");
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await row.Locator("[data-testid=binding-return]").ClickAsync();
        await page.ClickAsync(".mud-message-box button:has-text('归还')");
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }
}
