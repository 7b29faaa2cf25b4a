using DualPrevention.E2ETests.Accessibility;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// An enterprise administrator uploads a site plan, sets its scale by clicking two points on it, draws a red zone by
/// clicking its corners on the Leaflet map (ADR 0044), and sees the zone red on the four-colour risk map (ADR 0029). The
/// city bureau is asked which enterprise, then reads its plans without changing them; another city's bureau reads none
/// (ADR 0053).
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

    [Fact]
    public async Task The_city_bureau_chooses_the_enterprise_and_reads_its_plans_and_another_citys_bureau_reads_none()
    {
        var name = $"监管只读平面图{Guid.NewGuid():N}"[..14];
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "demo-qd1-admin");
        await SitePlanSteps.UploadScaledPlanAsync(admin, name);

        var qingdao = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(qingdao, "qingdao");
        await qingdao.GotoAsync("/site-plans");
        await BrowserFixture.WaitForPageAsync(qingdao, "[data-testid=site-plan-choose-enterprise]");
        (await qingdao.Locator("[data-testid=site-plan-empty]").CountAsync()).ShouldBe(0, "the bureau is asked, not told the enterprise has no plan");
        (await AxeCheck.SeriousViolationsAsync(qingdao)).ShouldBeEmpty();
        await qingdao.FillAsync("[data-testid=site-plan-enterprise] input", "示范石化");
        await qingdao.ClickAsync(".mud-popover-open .mud-list-item:has-text('青岛示范石化有限公司')");
        await qingdao.WaitForURLAsync($"**/site-plans?enterprise={browser.Qd1}");
        await qingdao.Locator("[data-testid=site-plan-row-name]", new() { HasText = name }).WaitForAsync();
        (await qingdao.InputValueAsync("[data-testid=site-plan-enterprise] input")).ShouldBe("青岛示范石化有限公司");
        (await qingdao.Locator("[data-testid=site-plan-upload], [data-testid=open-site-plan], [data-testid=delete-site-plan]").CountAsync()).ShouldBe(0);
        (await qingdao.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var weifang = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(weifang, "weifang");
        await weifang.GotoAsync($"/site-plans?enterprise={browser.Qd1}");
        await BrowserFixture.WaitForPageAsync(weifang, "[data-testid=site-plan-choose-enterprise]");
        (await weifang.ContentAsync()).ShouldNotContain(name);
    }
}
