using DualPrevention.E2ETests.Accessibility;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Permits;

/// <summary>
/// 特殊作业票 list on a phone (ADR 0045): an applied permit is found by its work content with its number, type, grade
/// and state; a filter that matches nothing shows the empty state with the button to apply; another enterprise does not
/// see it; the page has no serious axe violation.
/// </summary>
public class WorkPermitListInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_an_applied_permit_is_searched_filtered_and_shown_with_its_type_grade_and_state()
    {
        var work = $"更换法兰垫片{Guid.NewGuid():N}"[..14];
        var (id, number) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", work);
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/permits");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-row], [data-testid=permit-empty]");

        await page.FillAsync("[data-testid=permit-search]", work);
        await page.Locator("[data-testid=permit-search]").PressAsync("Enter");
        // Other tests' permits stand in the unfiltered list: wait until the search has narrowed it to this one.
        await Assertions.Expect(page.Locator("[data-testid=permit-row]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var row = page.Locator($"[data-testid=permit-row][data-permit-id='{id}']");
        (await row.InnerTextAsync()).ShouldBe(number);
        (await page.Locator("[data-testid=permit-type]").InnerTextAsync()).ShouldContain("动火作业");
        (await page.Locator("[data-testid=permit-grade]").InnerTextAsync()).ShouldContain("二级");
        (await page.Locator("[data-testid=permit-state]").InnerTextAsync()).ShouldContain("草稿");
        (await page.Locator("[data-testid=permit-validity]").InnerTextAsync()).ShouldContain("—");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=permit-type-filter]", ".mud-popover-open .mud-list-item");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "受限空间作业" }).First.ClickAsync();
        await page.Locator("[data-testid=permit-empty]", new() { HasText = "没有符合条件的作业票" }).WaitForAsync();
        (await page.Locator("[data-testid=permit-empty-apply]").GetAttributeAsync("href")).ShouldBe("permits/new");
    }

    [Fact]
    public async Task Another_enterprise_does_not_see_the_permit_and_the_page_has_no_serious_axe_violation()
    {
        var work = $"受限空间清罐{Guid.NewGuid():N}"[..14];
        await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", work);

        var stranger = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(stranger, "demo-qd2-admin");
        await stranger.GotoAsync("/permits");
        await BrowserFixture.WaitForPageAsync(stranger, "[data-testid=permit-row], [data-testid=permit-empty]");
        await stranger.FillAsync("[data-testid=permit-search]", work);
        await stranger.Locator("[data-testid=permit-search]").PressAsync("Enter");
        await stranger.Locator("[data-testid=permit-empty]", new() { HasText = "没有符合条件的作业票" }).WaitForAsync();
        (await stranger.Locator("[data-testid=permit-row]").CountAsync()).ShouldBe(0);

        var own = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(own, "demo-qd1-admin");
        await own.GotoAsync("/permits");
        await own.Locator("[data-testid=permit-row]").First.WaitForAsync();
        (await AxeCheck.SeriousViolationsAsync(own)).ShouldBeEmpty();
    }
}
