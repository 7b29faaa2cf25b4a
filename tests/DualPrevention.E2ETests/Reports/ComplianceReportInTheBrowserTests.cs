using System.Globalization;
using System.Text.RegularExpressions;
using DualPrevention.Core;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Jobs;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Reports;

/// <summary>
/// The compliance report page in the browser: preview, export through the background job (run inside the host as the
/// Hangfire server would), the progress finishing and the download of the file.
/// </summary>
public class ComplianceReportInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_Qingdao_reviewer_previews_this_months_report_exports_it_to_Excel_and_downloads_the_file()
    {
        // The running host counts the period from today's Beijing date, so the test picks the current month from it too.
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        var period = ReportPeriod.Month(today.Year, today.Month);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "qingdao");
        await page.GotoAsync("/reports");

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=period-year]", ".mud-popover-open .mud-list-item");
        await ChooseAsync(page, $"{today.Year}年");
        await page.ClickAsync("[data-testid=period-month]");
        await ChooseAsync(page, $"{today.Month}月");
        await page.ClickAsync("[data-testid=report-preview]");

        var caption = page.Locator("[data-testid=report-caption]", new() { HasText = period.ChineseName });
        await caption.WaitForAsync();
        (await caption.InnerTextAsync()).ShouldContain("青岛市");
        var names = await page.Locator("[data-testid=report-table] td[data-column=Enterprise]").AllInnerTextsAsync();
        names.ShouldContain("青岛示范石化有限公司");
        names.ShouldContain("青岛市 合计");
        names.ShouldNotContain("潍坊示范化学有限公司");

        await page.ClickAsync("[data-testid=export-xlsx]");
        var row = page.Locator("[data-testid=export-table] tr", new() { Has = page.Locator("[data-testid=export-row]", new() { HasText = period.Code }) });
        await row.WaitForAsync();
        (await row.Locator("[data-testid=export-row]").GetAttributeAsync("data-status")).ShouldBe("Queued", "the test host runs no Hangfire server");
        await RunQueuedExportsAsync();
        await row.Locator("[data-testid=export-progress][data-percent='100']").WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=export-download]").ClickAsync());
        download.SuggestedFilename.ShouldBe($"双重预防机制运行情况报表_青岛市_{period.Code}.xlsx");
        var path = Path.Combine(Path.GetTempPath(), $"dp-e2e-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            var cells = ReadWorkbook(path);
            cells.ShouldContain("青岛示范化工储运有限公司");
            cells.ShouldNotContain("潍坊示范化学有限公司");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task On_a_phone_the_report_table_scrolls_sideways_inside_the_page_with_its_totals_in_bold()
    {
        var page = await browser.NewPageAsync(width: 375, height: 800);
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/reports?period=2026-11");
        var table = page.Locator("[data-testid=report-table] .mud-table-container");
        await table.WaitForAsync();

        // The page's stylesheet arrives with the interactive head (HeadContent), a moment after the prerendered table.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('tr.report-total td')].some(td => td.textContent.includes('青岛市 合计') && getComputedStyle(td).fontWeight === '700')");
        (await table.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth")).ShouldBeTrue("thirty-odd columns do not fit in 375 px");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // The circuit took the prerendered report over (persisted state) and answers clicks.
        await BrowserFixture.ClickUntilAsync(page, ".mud-tab:has-text('我的导出')", "[data-testid=exports-empty]");
        (await page.Locator("[data-testid=report-table]").CountAsync()).ShouldBe(1);
    }

    private static Task ChooseAsync(IPage page, string option) =>
        page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).First.ClickAsync();

    /// <summary>Runs every queued export's job inside the host, as its Hangfire server would (the test host has none).</summary>
    private async Task RunQueuedExportsAsync()
    {
        List<Guid> queued;
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            queued = await db.ReportExports.Where(e => e.Status == ReportExportStatus.Queued).Select(e => e.Id).ToListAsync();
        }

        queued.ShouldNotBeEmpty();
        foreach (var id in queued)
        {
            await ActivatorUtilities.CreateInstance<RunReportExportJob>(browser.Services).RunAsync(id, CancellationToken.None);
        }
    }

    private static List<string> ReadWorkbook(string path)
    {
        // ExcelDataReader's default configuration asks for code page 1252 even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).OfType<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)!));
        }

        return cells;
    }
}
