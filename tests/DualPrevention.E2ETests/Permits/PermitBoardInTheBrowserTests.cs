using DualPrevention.Core.Permits;
using DualPrevention.E2ETests.Accessibility;

namespace DualPrevention.E2ETests.Permits;

/// <summary>
/// 作业冲突看板 on a phone (ADR 0045): a hot-work permit 10 m from a blind plate is seen on the day's board as a SIM-4
/// conflict with both numbers, the fences are drawn on the plan, a permit opens from the list; another enterprise's
/// board shows none of it; no serious axe violation.
/// </summary>
public class PermitBoardInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_board_shows_a_seeded_SIM_4_GB30871_7_6_conflict_and_opens_the_permit()
    {
        var plan = await PermitSeed.PlanAsync(browser, browser.Services, browser.Qd1);
        var (hot, hotNumber) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", "看板动火", submit: true,
            workPoint: new WorkPointEntry(plan, 100, 50, 10));
        var (_, plateNumber) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", "看板盲板", submit: true,
            details: new BlindPlateDetails(BlindPlateAction.Insert, "P-801", "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-08"), workPoint: new WorkPointEntry(plan, 100, 60, 5));
        var page = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/permits/board?plan={plan}");

        var conflict = page.Locator("[data-testid=board-conflict]", new() { HasText = plateNumber });
        await conflict.WaitForAsync();
        var text = await conflict.InnerTextAsync();
        text.ShouldContain(hotNumber);
        text.ShouldContain("SIM-4");
        text.ShouldContain("10 米");
        await page.Locator("[data-testid=board-fence]").Nth(1).WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        (await page.Locator("[data-testid=board-fence]").CountAsync()).ShouldBe(2);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await page.Locator($"[data-testid=board-permit][data-permit-id='{hot}']").ClickAsync();
        await page.WaitForURLAsync($"**/permits/{hot}");
    }

    [Fact]
    public async Task Another_enterprise_sees_none_of_the_days_permits_on_its_board()
    {
        var plan = await PermitSeed.PlanAsync(browser, browser.Services, browser.Qd1);
        var (hot, _) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", "看板他企", submit: true,
            workPoint: new WorkPointEntry(plan, 20, 20, 10));
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");
        await page.GotoAsync("/permits/board");

        await BrowserFixture.WaitForPageAsync(page, "[data-testid=board-permit], [data-testid=board-empty]");
        (await page.Locator($"[data-testid=board-permit][data-permit-id='{hot}']").CountAsync()).ShouldBe(0);
    }
}
