using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// An enterprise administrator uploads a site plan, sets its scale by clicking two points on it, draws a red zone by
/// clicking its corners on the Leaflet map (ADR 0044), and sees the zone red on the four-colour risk map (ADR 0029).
/// </summary>
public class SitePlanInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_admin_uploads_a_plan_scales_it_by_two_points_draws_a_red_zone_and_sees_it_on_the_four_colour_map()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        await SitePlanSteps.UploadScaledPlanAsync(page, "浏览器上传的平面图");
        (await page.TextContentAsync("[data-testid=site-plan-scale]"))!.ShouldContain("0.5");
        await SitePlanSteps.DrawRedZoneAsync(page, "浏览器画的红区", [(60, 60), (200, 60), (200, 160), (60, 160)]);
        (await page.Locator("[data-testid=zone-table] td", new PageLocatorOptions { HasText = "m²" }).TextContentAsync())!.Trim()
            .ShouldBe("3500 m²", "140 × 100 px at 0.5 m a pixel: the clicks picked the intended pixels");

        await page.ClickAsync("[data-testid=open-four-color-map]");
        await page.WaitForSelectorAsync("[data-testid=four-color-legend]");
        await page.WaitForSelectorAsync("[data-testid=site-plan-map] [data-testid=zone-Red]");
        (await page.TextContentAsync("[data-testid=four-color-zones]"))!.ShouldContain("浏览器画的红区");
        (await page.TextContentAsync("[data-testid=site-plan-map] .zone-label"))!.ShouldContain("浏览器画的红区");
    }
}
