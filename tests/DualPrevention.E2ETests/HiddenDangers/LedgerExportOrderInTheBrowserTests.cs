using System.Text.Json;
using System.Text.RegularExpressions;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.HiddenDangers;

/// <summary>
/// The ledger's files list the rows in the order the table shows them (ADR 0035): a background export of a 5,001-row
/// ledger sorted by level keeps that sort, as the link of a smaller ledger does.
/// </summary>
public class LedgerExportOrderInTheBrowserTests(LargeLedgerBrowserFixture browser) : IClassFixture<LargeLedgerBrowserFixture>
{
    private static readonly JsonSerializerOptions QueryJson = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_ledger_sorted_by_level_is_exported_in_that_order_in_the_background_and_at_once()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");
        await page.GotoAsync("/hidden-dangers");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=ledger-export-background]");

        var levelHeader = "th:has-text('隐患级别')";
        await BrowserFixture.ClickUntilAsync(page, $"{levelHeader} .mud-table-sort-label", $"{levelHeader} .mud-table-sort-label-icon.mud-direction-asc, {levelHeader} .mud-table-sort-label-icon.mud-direction-desc");
        var descending = await page.Locator($"{levelHeader} .mud-table-sort-label-icon.mud-direction-desc").CountAsync() == 1;

        await page.ClickAsync("[data-testid=ledger-export-xlsx]");
        await page.Locator(".mud-snackbar", new() { HasText = "已加入后台导出队列" }).WaitForAsync();
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            var stored = await db.ReportExports.Where(e => e.EnterpriseId == browser.Qd2).OrderByDescending(e => e.CreatedAt).Select(e => e.LedgerQuery).FirstAsync();
            var query = JsonSerializer.Deserialize<ListHiddenDangers.Query>(stored!, QueryJson)!;
            (query.Sort, query.Descending).ShouldBe((ListHiddenDangers.SortBy.Level, descending), "the background export keeps the table's sort");
        }

        await page.FillAsync("[data-testid=ledger-search]", "台账隐患000");
        await page.Locator("[data-testid=ledger-search]").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=ledger-export-background]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=ledger-export-xlsx]"))
            .ToHaveAttributeAsync("href", new Regex($"sort=Level&descending={(descending ? "true" : "false")}"));
    }
}
