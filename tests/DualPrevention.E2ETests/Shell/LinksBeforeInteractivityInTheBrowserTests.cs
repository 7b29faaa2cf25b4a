namespace DualPrevention.E2ETests.Shell;

/// <summary>
/// A link followed while the page is still prerendered (its circuit not yet connected, as on a slow network) loads
/// the new page in full: an enhanced load racing the starting circuit left the new address showing the old page
/// (ADR 0027).
/// </summary>
public class LinksBeforeInteractivityInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_menu_link_followed_before_the_circuit_connects_opens_its_own_page_and_keeps_it()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        var connecting = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await connecting.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync("/risk-register/overview");
        await page.Locator("[data-testid=overview-title]").WaitForAsync();
        (await page.Locator("[data-interactive=true]").CountAsync()).ShouldBe(0, "the circuit is held back: the page is still prerendered");
        var request = page.WaitForRequestAsync(r => r.Url.EndsWith("/hidden-dangers", StringComparison.Ordinal));
        await page.ClickAsync(".mud-nav-link[href='hidden-dangers']");

        var followed = await request;
        followed.IsNavigationRequest.ShouldBeTrue("the link loads the page in full, not by a fetch patched into the prerendered page");
        followed.ResourceType.ShouldBe("document");
        connecting.SetResult();
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=ledger-search]");
        new Uri(page.Url).AbsolutePath.ShouldBe("/hidden-dangers");
        (await page.Locator("[data-testid=overview-title]").CountAsync()).ShouldBe(0, "the circuit shows the followed page, not the one it was started for");
    }
}
