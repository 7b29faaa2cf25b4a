using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DualPrevention.E2ETests;

public class TenantIsolationInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_enterprise_user_sees_only_its_enterprise()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        // The interactive render fills the chip again after the prerendered one: wait for its text, not for its first state.
        await Expect(page.Locator("[data-testid=scope-name]")).ToHaveTextAsync("青岛示范石化有限公司");
        (await page.GetAttributeAsync("[data-testid=enterprise-count]", "data-count")).ShouldBe("1");

        await page.GotoAsync($"/enterprises/{browser.Qd1}");
        (await page.TextContentAsync("[data-testid=enterprise-name]"))!.ShouldBe("青岛示范石化有限公司");

        var foreign = await page.GotoAsync($"/enterprises/{browser.Wf1}");
        foreign!.Status.ShouldBe(404);
        await page.WaitForSelectorAsync("[data-testid=not-found]");
        (await page.ContentAsync()).ShouldNotContain("潍坊示范化学有限公司");
    }

    [Fact]
    public async Task The_Qingdao_reviewer_sees_both_Qingdao_enterprises_but_not_the_Weifang_one()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/enterprises");
        await page.WaitForSelectorAsync("[data-testid=enterprise-row]");
        var names = await page.Locator("[data-testid=enterprise-row]").AllTextContentsAsync();

        names.ShouldBe(["青岛示范化工储运有限公司", "青岛示范石化有限公司"], ignoreOrder: true);
        (await page.ContentAsync()).ShouldNotContain("潍坊示范化学有限公司");
    }

    [Fact]
    public async Task The_layout_fits_a_375_pixel_phone_without_sideways_scrolling()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd2-inspector");

        await page.GotoAsync($"/enterprises/{browser.Qd2}");
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");

        scrollWidth.ShouldBeLessThanOrEqualTo(375);
        await AppBarFitsAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-phone-enterprise.png"), FullPage = true });

        // English labels are longer; sign-out must still be on screen (trial finding: it slid off at x = 374).
        await page.GotoAsync($"/culture/set?culture=en-US&returnUrl=/enterprises/{browser.Qd2}");
        await page.WaitForSelectorAsync("[data-testid=enterprise-name]");
        await AppBarFitsAsync(page);
        await page.GotoAsync($"/culture/set?culture=zh-CN&returnUrl=/enterprises/{browser.Qd2}");
    }

    /// <summary>The scope chip shows a readable part of its name and every app-bar action lies inside the 375 px screen.</summary>
    private static async Task AppBarFitsAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-testid=logout]");

        // Measured in one script run, so a re-render between finding and measuring cannot detach an element.
        var edges = await page.EvaluateAsync<double[]>(
            """
            () => ['[data-testid=scope-name]', '[data-testid=notification-bell]', '[data-testid=user-menu]', '[data-testid=logout]']
              .map(s => document.querySelector(s).getBoundingClientRect())
              .flatMap((r, i) => i === 0 ? [r.width] : [r.right])
            """);

        edges[0].ShouldBeGreaterThan(40, "the scope chip is more than a sliver");
        edges.Skip(1).ShouldAllBe(right => right <= 375, "bell, account and sign-out lie on screen");
    }

    [Fact]
    public async Task The_chosen_language_follows_the_user_to_a_new_browser()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "weifang");
        await page.GotoAsync("/culture/set?culture=en-US&returnUrl=/");
        await page.WaitForSelectorAsync("text=Enterprises");

        var elsewhere = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(elsewhere, "weifang");

        (await elsewhere.Locator("nav.mud-navmenu").InnerTextAsync()).ShouldContain("Enterprises");
        (await elsewhere.GetAttributeAsync("html", "lang")).ShouldBe("en-US");
    }
}
