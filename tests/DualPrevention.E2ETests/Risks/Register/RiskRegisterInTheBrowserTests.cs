using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Risks.Register;

public class RiskRegisterInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 812)]
    public async Task An_enterprise_admin_builds_a_branch_and_sees_the_orange_chip(int width, int height)
    {
        var code = $"E2E-{width}";
        var page = await browser.NewPageAsync(width, height);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/risk-register");
        await page.WaitForSelectorAsync("[data-testid=risk-register-title]");

        await OpenDialogAsync(page, "[data-testid=add-object]");
        await page.FillAsync("[data-testid=field-object-code]", code);
        await page.FillAsync("[data-testid=field-object-name]", "二号罐区");
        await SubmitAsync(page);
        var branch = page.Locator("[data-testid=risk-object]", new() { HasText = code });
        await branch.WaitForAsync();

        await ChooseFromMenuAsync(page, branch.Locator("[data-testid=object-menu]"), "[data-testid=add-unit]");
        await page.FillAsync("[data-testid=field-unit-name]", "1号储罐");
        await SubmitAsync(page);
        await branch.Locator("[data-testid=risk-unit]").WaitForAsync();

        await ChooseFromMenuAsync(page, branch.Locator("[data-testid=unit-menu]"), "[data-testid=add-event]");
        await page.FillAsync("[data-testid=field-event-name]", "储罐泄漏引发火灾爆炸");
        var live = page.Locator("[data-testid=live-assessment]");

        // On a busy machine a pick can land while the popover closes; pick again, as a person would.
        for (var attempt = 1; ; attempt++)
        {
            await PickAsync(page, "[data-testid=field-l]", "3 —");
            await PickAsync(page, "[data-testid=field-s]", "5 —");
            try
            {
                await live.Locator("[data-testid=risk-level-chip][data-level=Significant]").WaitForAsync(new() { Timeout = 8_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        (await live.InnerTextAsync()).ShouldContain("较大");
        (await live.InnerTextAsync()).ShouldContain("= 15");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"dp-risk-event-dialog-{width}.png") });
        await SubmitAsync(page);
        await branch.Locator("[data-testid=risk-event]").WaitForAsync();

        await ChooseFromMenuAsync(page, branch.Locator("[data-testid=event-menu]"), "[data-testid=add-measure]");
        await page.FillAsync("[data-testid=field-measure-description]", "液位高高报警与进料切断联锁");
        await page.FillAsync("[data-testid=field-inspection-content]", "液位联锁是否投用、报警值是否正确");
        await SubmitAsync(page);
        await branch.Locator("[data-testid=risk-measure]").WaitForAsync();

        var chip = branch.Locator("[data-testid=risk-level-chip]").First;
        (await chip.GetAttributeAsync("data-level")).ShouldBe("Significant");
        (await chip.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor")).ShouldBe("rgb(244, 132, 0)");
        (await branch.InnerTextAsync()).ShouldContain("液位高高报警与进料切断联锁");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"dp-risk-register-{width}.png"), FullPage = true });

        await branch.Locator("[data-testid=event-history]").ClickAsync();
        var history = page.Locator("[data-testid=assessment-history]");
        await history.WaitForAsync();
        (await history.InnerTextAsync()).ShouldContain("demo-qd1-admin");
        (await history.Locator("[data-testid=risk-level-chip]").GetAttributeAsync("data-level")).ShouldBe("Significant");
    }

    /// <summary>Clicks until the dialog opens: the first click may land before the circuit is interactive.</summary>
    private static async Task OpenDialogAsync(IPage page, string selector)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.ClickAsync(selector);
            try
            {
                await page.WaitForSelectorAsync(".mud-dialog", new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }

        throw new TimeoutException($"{selector} opened no dialog.");
    }

    private static async Task ChooseFromMenuAsync(IPage page, ILocator menu, string item)
    {
        await menu.Locator("button").First.ClickAsync();
        await page.Locator(item).ClickAsync();
        await page.WaitForSelectorAsync(".mud-dialog");
    }

    private static async Task PickAsync(IPage page, string select, string optionStart)
    {
        await page.Locator(select).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = optionStart }).First.ClickAsync();
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
