namespace DualPrevention.E2ETests.Shell;

/// <summary>
/// On a phone the layout's drawer starts closed and its menu is rendered only once opened, so it is not sent with
/// every page (viewport.js, ADR 0013); opening it still gives the whole menu.
/// </summary>
public class PhoneMenuInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Toggle = "button[aria-label='展开/收起导航']";

    [Fact]
    public async Task A_phone_gets_the_menu_when_it_opens_the_drawer_and_not_before()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-inspector");
        await page.GotoAsync("/inspect");
        await page.WaitForSelectorAsync("[data-testid=task-tabs], [data-testid=no-tasks]");

        (await page.Locator(".mud-nav-link").CountAsync()).ShouldBe(0, "the closed drawer holds no menu");

        await BrowserFixture.ClickUntilAsync(page, Toggle, ".mud-drawer--open .mud-nav-link");
        await page.ClickAsync(".mud-nav-link[href='hidden-dangers']");
        await page.WaitForURLAsync(url => url.EndsWith("/hidden-dangers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_phone_opens_the_menu_on_a_statically_rendered_dashboard_too()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "qingdao");
        await page.WaitForURLAsync(url => url.Contains("/dashboard/city", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("[data-testid=dashboard-title]");

        // No circuit answers the button here: static-pages.js opens the drawer, whose menu the static page always holds.
        await page.ClickAsync(Toggle);
        await page.ClickAsync(".mud-drawer--open .mud-nav-link[href='reports']");
        await page.WaitForURLAsync(url => url.EndsWith("/reports", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_desktop_gets_the_menu_open_at_once()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-inspector");

        await page.WaitForSelectorAsync(".mud-drawer--open .mud-nav-link[href='inspect']");
    }
}
