using DualPrevention.Core;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Reports.Phones;

/// <summary>
/// The regulators' tables on a 375 px phone: the province and city dashboards (region comparison, enterprise ranking,
/// supervision digest) and the compliance report preview. A table either stacks into cards or scrolls sideways inside
/// its own container; the page itself never scrolls sideways, nothing sticks out of the screen, every header reads in
/// full, and a table that scrolls holds something the keyboard can reach.
/// </summary>
public class ReportTablesOnAPhoneTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>What is wrong with the page's layout at its width, as "what: where"; empty when it is usable.</summary>
    private const string Problems = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > root.clientWidth + 1) {
            problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide on a ${root.clientWidth} px screen`);
          }
          for (const container of document.querySelectorAll(".mud-table-container")) {
            const box = container.getBoundingClientRect();
            if (box.width === 0) continue;
            const where = container.closest("[data-testid]")?.getAttribute("data-testid") ?? "a table";
            if (box.left < -1 || box.right > root.clientWidth + 1) {
              problems.push(`${where}: sticks out of the screen (${Math.round(box.left)}–${Math.round(box.right)} px)`);
            }
            const scrolls = container.scrollWidth > container.clientWidth + 1;
            const overflow = getComputedStyle(container).overflowX;
            if (scrolls && overflow !== "auto" && overflow !== "scroll") {
              problems.push(`${where}: wider than its container and clipped (overflow-x ${overflow})`);
            }
            if (scrolls && !container.querySelector("a[href], button, [tabindex='0'], input, select")) {
              problems.push(`${where}: scrolls sideways with nothing the keyboard can reach`);
            }
            for (const header of container.querySelectorAll("thead th")) {
              const text = header.innerText.trim();
              if (!text || header.getBoundingClientRect().width === 0) continue;
              if (header.scrollWidth > header.clientWidth + 1) {
                problems.push(`${where}: header "${text}" is cut (${header.scrollWidth} px in ${header.clientWidth} px)`);
              }
            }
          }
          return problems;
        }
        """;

    [Fact]
    public async Task The_province_dashboard_tables_fit_a_phone()
    {
        var page = await SignedInPhoneAsync("province");

        await OpenAsync(page, "/dashboard/province", "[data-testid=region-comparison]");

        (await ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_city_dashboard_tables_fit_a_phone()
    {
        var page = await SignedInPhoneAsync("qingdao");

        await OpenAsync(page, "/dashboard/city", "[data-testid=ranking]");

        (await ProblemsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_report_preview_scrolls_inside_its_table_on_a_phone()
    {
        var page = await SignedInPhoneAsync("qingdao");
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());

        await OpenAsync(page, $"/reports?period={today:yyyy-MM}", "[data-testid=report-table] td[data-column=Enterprise]");

        // The prerendered preview is replaced when the page's circuit starts: measure the live one.
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("[data-testid=report-table] td[data-column=Enterprise]").First.WaitForAsync();
        await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        var table = page.Locator("[data-testid=report-table] .mud-table-container");
        (await table.EvaluateAsync<bool>("c => c.scrollWidth > c.clientWidth")).ShouldBeTrue("thirty-odd columns do not fit 375 px: the preview scrolls inside its table");
        (await ProblemsAsync(page)).ShouldBeEmpty();
    }

    private async Task<IPage> SignedInPhoneAsync(string userName)
    {
        var page = await browser.NewPageAsync(375, 812);
        await BrowserFixture.SignInAsync(page, userName);
        return page;
    }

    private static async Task OpenAsync(IPage page, string path, string content)
    {
        await page.GotoAsync(path);
        await page.Locator(content).First.WaitForAsync();
        await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    private static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>(Problems);
}
