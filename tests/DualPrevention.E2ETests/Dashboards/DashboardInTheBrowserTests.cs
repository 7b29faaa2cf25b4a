using DualPrevention.Core;
using DualPrevention.Testing;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Dashboards;

public class DashboardInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_Qingdao_reviewer_lands_on_the_city_dashboard_and_drills_into_an_enterprises_read_only_view()
    {
        // The running app keeps the real clock, so the overdue item is dated from today's Beijing date.
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        await HiddenDangerSeed.AddAsync(browser, browser.Qd2, "看板上的超期隐患", foundOn: today.AddDays(-5), deadline: today.AddDays(-1));
        await (await HandBuiltRegister.ForAsync(browser, browser.Qd2)).AnalysisObject("DASH", "看板罐区").Unit("看板储罐").Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5)
            .Measure("液位计完好").SaveAsync();
        var page = await browser.NewPageAsync();

        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.WaitForURLAsync("**/dashboard/city");
        await page.Locator("[data-testid=kpi-overdue]").WaitForAsync();
        (await page.GetAttributeAsync("[data-testid=kpi-enterprises]", "data-value")).ShouldBe("2");
        (await page.GetAttributeAsync("[data-testid=kpi-overdue]", "data-value")).ShouldBe("1");
        (await page.Locator("[data-testid=four-color-row][data-level=Major] td").Nth(1).InnerTextAsync()).ShouldBe("1");
        var ranked = await page.Locator("[data-testid=ranking-enterprise]").AllInnerTextsAsync();
        ranked.ShouldBe(["青岛示范化工储运有限公司", "青岛示范石化有限公司"], ignoreOrder: true);
        (await page.ContentAsync()).ShouldNotContain("潍坊示范化学有限公司");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-city-dashboard.png"), FullPage = true });

        var quarter = $"{today.Year}-Q{((today.Month - 1) / 3) + 1}";
        await PickUntilAsync(page, "[data-testid=period-kind]", "按季度", $"period={quarter}");
        await page.Locator("[data-testid=dashboard-region]", new() { HasText = "季度" }).WaitForAsync();
        (await page.GetAttributeAsync("[data-testid=kpi-overdue]", "data-value")).ShouldBe("1");

        await page.ClickAsync($"[data-testid=ranking-enterprise][data-id='{browser.Qd2}']");
        await page.WaitForURLAsync($"**/enterprises/{browser.Qd2}");
        (await page.TextContentAsync("[data-testid=enterprise-name]")).ShouldBe("青岛示范化工储运有限公司");
        await page.ClickAsync("[data-testid=open-risk-register]");
        await page.WaitForURLAsync($"**/enterprises/{browser.Qd2}/risk-register");
        (await page.TextContentAsync("[data-testid=register-enterprise]"))!.Trim().ShouldBe("青岛示范化工储运有限公司");
        (await page.Locator("[data-testid=add-object]").CountAsync()).ShouldBe(0, "a regulator reads the register, never edits it");

        // The ranking's hidden-danger link opens the city's ledger narrowed to that enterprise.
        await page.GotoAsync($"/hidden-dangers?enterprise={browser.Qd1}");
        await page.WaitForSelectorAsync("[data-testid=ledger-table] [data-testid=empty]");
        await page.GotoAsync($"/hidden-dangers?enterprise={browser.Qd2}");
        await page.Locator("[data-testid=ledger-row]", new() { HasText = "看板上的超期隐患" }).WaitForAsync();
    }

    [Fact]
    public async Task The_city_dashboard_fits_a_375_pixel_phone()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/dashboard/city");
        await page.Locator("[data-testid=ranking-enterprise]").First.WaitForAsync();

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-phone-city-dashboard.png"), FullPage = true });
    }

    /// <summary>Picks a select's option until the page navigates to a URL holding <paramref name="urlPart"/>: a pick before the circuit is live is lost.</summary>
    private static async Task PickUntilAsync(IPage page, string select, string option, string urlPart)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.Locator(select).ClickAsync();
                await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync(new() { Timeout = 5_000 });
                await page.WaitForURLAsync(url => url.Contains(urlPart, StringComparison.Ordinal), new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await page.Keyboard.PressAsync("Escape");
            }
        }
    }
}
