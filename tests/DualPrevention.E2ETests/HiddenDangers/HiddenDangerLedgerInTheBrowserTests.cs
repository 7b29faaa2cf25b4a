using DualPrevention.Core;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.HiddenDangers;

public class HiddenDangerLedgerInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_Qingdao_reviewer_sees_an_overdue_escalated_item_and_a_major_one_on_a_phone_and_the_Weifang_reviewer_sees_neither()
    {
        var overdue = await HiddenDangerSeed.AddAsync(browser, browser.Qd2, "浏览器里超期的一般隐患", deadline: new DateOnly(2026, 10, 20));
        await HiddenDangerSeed.EscalateAsync(browser, overdue, "overdue-7d-city", EscalationTarget.CitySupervision);
        await HiddenDangerSeed.AddAsync(browser, browser.Qd1, "浏览器里的重大隐患", HiddenDangerLevel.Major, deadline: new DateOnly(2027, 1, 15));
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/supervision/city");
        await page.WaitForSelectorAsync("[data-testid=supervision-row]:has-text('浏览器里超期的一般隐患')");

        var rows = await page.Locator("[data-testid=supervision-row]").AllTextContentsAsync();
        rows.ShouldContain("浏览器里的重大隐患");
        // The running app keeps the real clock, so the days overdue are counted from today's Beijing date.
        var days = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow()).DayNumber - new DateOnly(2026, 10, 20).DayNumber;
        (await page.TextContentAsync("[data-testid=overdue]"))!.ShouldContain($"超期 {days} 天");
        (await page.Locator("[data-testid=supervision-post]").CountAsync()).ShouldBe(1);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-phone-city-supervision.png"), FullPage = true });

        var weifang = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(weifang, "weifang");
        await weifang.GotoAsync("/supervision/city");
        await weifang.WaitForSelectorAsync("[data-testid=supervision-table] [data-testid=empty]");
        (await weifang.ContentAsync()).ShouldNotContain("浏览器里的重大隐患");
    }

    [Fact]
    public async Task An_enterprise_administrator_imports_the_sample_ledger_and_finds_it_in_the_ledger()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-wf1-admin");

        await page.GotoAsync("/hidden-dangers/import");
        await page.WaitForSelectorAsync("[data-testid=ledger-import-choose]:not([disabled])");
        await UploadAsync(page, new FilePayload
        {
            Name = "hidden-danger-ledger_flat-export.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Samples.HiddenDangerLedger(),
        });

        (await page.TextContentAsync("[data-testid=ledger-import-counts]"))!.ShouldContain("57");
        await page.ClickAsync("[data-testid=ledger-import-commit]");
        await page.ClickAsync(".mud-dialog-actions button:has-text('确认导入')");
        await page.WaitForSelectorAsync("[data-testid=ledger-import-committed]");
        (await page.TextContentAsync("[data-testid=ledger-import-committed]"))!.ShouldContain("57");

        await page.GotoAsync("/hidden-dangers");
        // The table reloads when the page turns interactive (its rows give way to 加载中… for a moment): expect, not read.
        await Assertions.Expect(page.Locator("[data-testid=ledger-table]")).ToContainTextAsync("已验收");
    }

    /// <summary>Chooses the file until the preview appears: a choice made before the input's script attaches is lost.</summary>
    private static async Task UploadAsync(IPage page, FilePayload file)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("input[type=file]", file);
            try
            {
                await page.WaitForSelectorAsync("[data-testid=ledger-import-counts]", new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
