using DualPrevention.Testing.Workbooks;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Risks.Register;

public class RiskRegisterImportInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_enterprise_administrator_previews_the_sample_list_and_imports_it_after_confirming()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");

        await page.GotoAsync("/risk-register/import");
        await page.WaitForSelectorAsync("[data-testid=import-choose]:not([disabled])");
        await UploadAsync(page, new FilePayload
        {
            Name = "risk-control-list_sample-plant.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Samples.RiskControlList(),
        }, "[data-testid=import-counts]");

        (await page.TextContentAsync("[data-testid=import-errors]"))!.ShouldContain("0");
        (await page.TextContentAsync("[data-testid=import-counts]"))!.ShouldContain("32");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-import-preview.png"), FullPage = true });
        await page.ClickAsync("[data-testid=import-commit]");
        await page.ClickAsync(".mud-dialog-actions button:has-text('确认导入')");
        await page.WaitForSelectorAsync("[data-testid=import-committed]");

        (await page.TextContentAsync("[data-testid=import-committed]"))!.ShouldContain("32");
    }

    [Fact]
    public async Task A_refused_file_shows_the_reason_and_the_page_fits_a_phone()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");

        await page.GotoAsync("/risk-register/import");
        await page.WaitForSelectorAsync("[data-testid=import-choose]:not([disabled])");
        await UploadAsync(page, new FilePayload { Name = "清单.xlsx", MimeType = "text/plain", Buffer = "序号,风险分析对象"u8.ToArray() }, "[data-testid=import-refusal]");

        (await page.TextContentAsync("[data-testid=import-refusal]"))!.ShouldContain("不是 Excel 工作簿");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-phone-import-refused.png"), FullPage = true });
    }

    /// <summary>
    /// Chooses the file and waits for <paramref name="outcome"/>. The file input's script attaches just after the
    /// circuit renders it, so a choice made in that instant is lost; choosing again is what a person would do.
    /// </summary>
    private static async Task UploadAsync(IPage page, FilePayload file, string outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("input[type=file]", file);
            try
            {
                await page.WaitForSelectorAsync(outcome, new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
