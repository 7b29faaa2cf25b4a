using Microsoft.Playwright;

namespace DualPrevention.E2ETests.HiddenDangers;

/// <summary>One hidden danger from report to acceptance, by two people: the inspector reports and rectifies, the admin confirms and accepts.</summary>
public class HiddenDangerLoopInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_hidden_danger_walks_from_report_to_acceptance_with_two_users()
    {
        var inspector = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(inspector, "demo-qd1-inspector");
        await inspector.GotoAsync("/hidden-dangers/report");
        await ReportAsync(inspector);
        await StateAsync(inspector, "待确认");
        var detailUrl = new Uri(inspector.Url).AbsolutePath;

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "demo-qd1-admin");
        await admin.GotoAsync(detailUrl);
        await BrowserFixture.ClickUntilAsync(admin, "[data-testid=action-Confirm]", ".mud-dialog");
        await ConfirmWithRectifierAsync(admin, "巡检员");
        await StateAsync(admin, "整改中");

        await inspector.ReloadAsync();
        await StateAsync(inspector, "整改中");
        await UploadAfterPhotoAsync(inspector);
        await BrowserFixture.ClickUntilAsync(inspector, "[data-testid=action-SubmitRectification]", ".mud-dialog");
        await inspector.FillAsync(".mud-dialog [data-testid=field-text]", "纸箱已清走，通道畅通");
        await SubmitAsync(inspector);
        await StateAsync(inspector, "待验收");
        (await inspector.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        await admin.ReloadAsync();
        await BrowserFixture.ClickUntilAsync(admin, "[data-testid=action-Accept]", ".mud-dialog");
        await admin.FillAsync(".mud-dialog [data-testid=field-text]", "通道畅通，验收合格");
        await SubmitAsync(admin);
        await StateAsync(admin, "已验收");
        (await admin.Locator("[data-testid=hidden-danger-timeline]").InnerTextAsync()).ShouldContain("验收通过");
        (await admin.Locator("[data-testid=hidden-danger-actions] button").CountAsync()).ShouldBe(0);
    }

    /// <summary>Fills and submits the report form; typing that lands before the circuit is interactive is lost, so a person would type again.</summary>
    private static async Task ReportAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.FillAsync("[data-testid=field-name]", "消防通道堆放杂物");
            await page.FillAsync("[data-testid=field-description]", "二号仓库东侧消防通道堆放纸箱");
            await page.ClickAsync("[data-testid=report-submit]");
            try
            {
                await page.WaitForSelectorAsync("[data-testid=hidden-danger-state]", new PageWaitForSelectorOptions { Timeout = 10_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"dp-hd-report-{attempt}.png"), FullPage = true });
            }
        }
    }

    private static async Task StateAsync(IPage page, string state) =>
        await page.Locator("[data-testid=hidden-danger-state]", new() { HasText = state }).WaitForAsync();

    /// <summary>Picks the rectifier and submits; on a busy machine a pick can land while the popover closes, so pick and submit again.</summary>
    private static async Task ConfirmWithRectifierAsync(IPage page, string rectifier)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("[data-testid=field-rectifier]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = rectifier }).First.ClickAsync();
            await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
            try
            {
                await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 8_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>The file input's script attaches just after the circuit renders it; a choice made in that instant is lost, so choose again.</summary>
    private static async Task UploadAfterPhotoAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]").Nth(1).SetInputFilesAsync(new FilePayload { Name = "after.png", MimeType = "image/png", Buffer = Png });
            try
            {
                await page.WaitForSelectorAsync("[data-testid=photo-AfterRectification]", new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
