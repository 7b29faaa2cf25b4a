using DualPrevention.E2ETests.Accessibility;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Permits;

/// <summary>
/// The regulators' permit view and the online spot check on a phone (ADR 0045): the city bureau finds a permit in
/// progress through its view, opens it read-only and records a finding, which the enterprise then finds among its
/// hidden dangers; another city's bureau neither sees it in its view nor opens it. A bureau that opens the enterprises'
/// permit list or conflict board is led to its view, told why (ADR 0053).
/// </summary>
public class PermitSupervisionInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_city_bureau_drills_into_a_permit_in_progress_and_its_spot_check_finding_becomes_the_enterprises_hidden_danger()
    {
        var work = $"在线抽查动火{Guid.NewGuid():N}"[..14];
        var (id, number) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", work, submit: true);
        await PermitSeed.StartAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", id);
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "qingdao");
        await page.GotoAsync("/permits/supervision");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=supervision-totals]");

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=supervision-tile-in-progress] [data-testid=supervision-drill]", "[data-testid=supervision-permits]");
        await page.Locator("[data-testid=supervision-sort]").WaitForAsync();
        var row = page.Locator($"[data-testid=supervision-permit][data-permit-id='{id}']");
        var rows = page.Locator("[data-testid=supervision-permits] .mud-table-pagination-actions button").Last;
        while (await row.CountAsync() == 0 && await rows.IsEnabledAsync())
        {
            await rows.ClickAsync();
            await page.WaitForTimeoutAsync(300);
        }

        (await row.InnerTextAsync()).ShouldBe(number);
        await page.GotoAsync($"/permits/{id}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-spot-checks]");
        (await page.Locator("[data-testid=permit-actions]").CountAsync()).ShouldBe(0);
        await page.FillAsync("[data-testid=spot-check-finding]", "动火点周围可燃物未清理");
        await page.ClickAsync("[data-testid=spot-check-record]");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.Locator("[data-testid=permit-spot-check]", new() { HasText = number }).WaitForAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        var enterprise = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(enterprise, "demo-qd1-admin");
        await enterprise.GotoAsync($"/permits/{id}");
        await enterprise.Locator("[data-testid=permit-spot-check]", new() { HasText = number }).WaitForAsync();
        await enterprise.ClickAsync("[data-testid=permit-spot-check-link]");
        await enterprise.Locator("text=动火点周围可燃物未清理").First.WaitForAsync();
    }

    [Fact]
    public async Task A_bureau_opening_the_permit_list_or_the_board_is_led_to_its_supervision_view_with_the_reason()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/permits");
        await page.Locator("[data-testid=supervision-led-here]", new() { HasText = "作业票由企业在本企业内申请和办理" }).WaitForAsync();
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=supervision-totals]");
        page.Url.ShouldEndWith("/permits/supervision?from=list");
        (await page.Locator("[data-testid=access-denied]").CountAsync()).ShouldBe(0);

        await page.GotoAsync("/permits/board");
        await page.Locator("[data-testid=supervision-led-here]", new() { HasText = "作业冲突看板是单个企业当日的厂区平面图" }).WaitForAsync();
        page.Url.ShouldEndWith("/permits/supervision?from=board");

        // The nav leads there too, and the view then says nothing about where the bureau came from.
        await page.ClickAsync("[data-testid=nav-permit-supervision]");
        await page.WaitForURLAsync("**/permits/supervision");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=supervision-totals]");
        (await page.Locator("[data-testid=supervision-led-here]").CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Another_citys_bureau_neither_sees_nor_opens_the_permit_and_the_view_has_no_serious_axe_violation()
    {
        var work = $"他市不可见动火{Guid.NewGuid():N}"[..14];
        var (id, _) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", work, submit: true);
        await PermitSeed.StartAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", id);

        var weifang = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(weifang, "weifang");
        await weifang.GotoAsync("/permits/supervision");
        await BrowserFixture.WaitForPageAsync(weifang, "[data-testid=supervision-totals]");
        (await weifang.Locator($"[data-testid=supervision-enterprise][data-enterprise-id='{browser.Qd1}']").CountAsync()).ShouldBe(0);
        (await AxeCheck.SeriousViolationsAsync(weifang)).ShouldBeEmpty();
        await weifang.GotoAsync($"/permits/{id}");
        await weifang.WaitForLoadStateAsync(LoadState.NetworkIdle);
        (await weifang.Locator("[data-testid=permit-spot-checks]").CountAsync()).ShouldBe(0);
        (await weifang.ContentAsync()).ShouldNotContain(work);
    }
}
