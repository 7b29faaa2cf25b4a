using System.Text.RegularExpressions;
using DualPrevention.Core;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DualPrevention.E2ETests.Reports.Dashboards;

/// <summary>
/// The dashboards in the browser (ADR 0009): the Qingdao reviewer opens the city dashboard, drills into an enterprise,
/// exports this month's compliance report and gets the file. The running host keeps the real clock, so the test builds
/// its data at today's Beijing date: Qd2 (青岛示范化工储运) has one 重大 unit (LS 4×5) with four daily checks today, three
/// completed and one missed (75 %), and one general hidden danger past its deadline; Qd1 (青岛示范石化) has one 较大 unit (LS
/// 3×5) with one check, completed, and one major hidden danger due next month: the city's 4 of 5 is 80 %. Wf1 (潍坊) has
/// a 重大 unit, a missed check and an overdue hidden danger, any of which would change the Qingdao figures if it leaked
/// in.
/// </summary>
public class CityReviewInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Qd1Name = "青岛示范石化有限公司";
    private const string Qd2Name = "青岛示范化工储运有限公司";
    private const string Wf1Name = "潍坊示范化学有限公司";

    [Fact]
    public async Task The_Qingdao_reviewer_reads_the_city_dashboard_drills_into_an_enterprise_and_downloads_this_months_report()
    {
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        var month = ReportPeriod.Month(today.Year, today.Month);
        await SeedAsync(today);
        var page = await browser.NewPageAsync();

        // A city reviewer's home is the city dashboard, for the current month.
        await BrowserFixture.SignInAsync(page, "qingdao");
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/city"));
        await Expect(Kpi(page, "enterprises")).ToHaveAttributeAsync("data-value", "2");
        await Expect(Kpi(page, "completion")).ToHaveAttributeAsync("data-value", "80%");
        await Expect(Kpi(page, "completion")).ToContainTextAsync("按时完成 4 / 应排查 5");
        await Expect(Kpi(page, "overdue")).ToHaveAttributeAsync("data-value", "1");
        await Expect(Kpi(page, "registered")).ToContainTextAsync("一般 1 · 重大 1");
        await Expect(FourColorRow(page, "Major")).ToHaveTextAsync(new Regex(@"^\D*1\s*1\s*$"));
        await Expect(FourColorRow(page, "Significant")).ToHaveTextAsync(new Regex(@"^\D*1\s*1\s*$"));
        await Expect(page.Locator("[data-testid=ranking-enterprise]")).ToHaveCountAsync(2);
        await ExpectRankingAsync(page, browser.Qd2, Qd2Name, completion: "75%", overdue: "一般 1 · 重大 0", units: "1 / 0");
        await ExpectRankingAsync(page, browser.Qd1, Qd1Name, completion: "100%", overdue: "一般 0 · 重大 0", units: "0 / 1");
        await Expect(page.Locator("body")).Not.ToContainTextAsync(Wf1Name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-city-dashboard.png"), FullPage = true });

        // The quarter holding today has the same windows and the same overdue item.
        // The dashboard is rendered statically (ADR 0020): its filters are a GET form that submits on change.
        await page.Locator("[data-testid=period-kind]").SelectOptionAsync(new SelectOptionValue { Label = "按季度" });
        await page.WaitForURLAsync(url => url.Contains($"period={today.Year}-Q{((today.Month - 1) / 3) + 1}", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=dashboard-region]")).ToContainTextAsync("季度");
        await Expect(Kpi(page, "completion")).ToHaveAttributeAsync("data-value", "80%");
        await Expect(Kpi(page, "overdue")).ToHaveAttributeAsync("data-value", "1");

        // Drill-down: the ranking's name opens the enterprise's read-only view, which links its register, board and ledger.
        await page.Locator($"[data-testid=ranking-enterprise][data-id='{browser.Qd2}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/enterprises/{browser.Qd2}$"));
        await Expect(page.Locator("[data-testid=enterprise-name]")).ToHaveTextAsync(Qd2Name);

        await page.Locator("[data-testid=open-risk-register]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/enterprises/{browser.Qd2}/risk-register$"));
        await Expect(page.Locator("[data-testid=register-enterprise]")).ToHaveTextAsync(Qd2Name);
        await Expect(page.Locator("[data-testid=risk-object-title]")).ToHaveTextAsync(["WALK-QD2 储运罐区"]);
        await Expect(page.Locator("[data-testid=risk-measure]")).ToHaveCountAsync(4);
        await Expect(page.Locator("[data-testid=add-object]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=object-menu]")).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await page.Locator("[data-testid=inspection-board-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/enterprises/{browser.Qd2}/inspection-board$"));
        await Expect(page.Locator("[data-testid=board-table] tfoot td[data-label=应排查]")).ToHaveTextAsync("4");
        await Expect(page.Locator("[data-testid=total-rate]")).ToHaveTextAsync("75 %");

        await page.GoBackAsync();
        await page.Locator("[data-testid=hidden-dangers-link]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/hidden-dangers\\?enterprise={browser.Qd2}$"));
        await Expect(page.Locator("[data-testid=ledger-row]")).ToHaveTextAsync(["储运罐区防火堤裂缝"]);
        await Expect(page.Locator("[data-testid=ledger-import]")).ToHaveCountAsync(0);

        // The compliance report through the menu: this month, previewed, then exported to Excel and CSV.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "合规报表" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports$"));

        // A select opens only once the page is interactive; a click before that is lost, as CI saw under load.
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=period-year]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=period-year]", ".mud-popover-open .mud-list-item");
        await ChooseAsync(page, $"{today.Year}年");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=period-month]", ".mud-popover-open .mud-list-item:has-text('月')");
        await ChooseAsync(page, $"{today.Month}月");
        await page.Locator("[data-testid=report-preview]").ClickAsync();
        await Expect(page.Locator("[data-testid=report-caption]")).ToContainTextAsync($"{month.ChineseName} · 青岛市");
        await Expect(page.Locator("[data-testid=report-table] td[data-column=Enterprise]")).ToHaveTextAsync([Qd1Name, "黄岛区 合计", Qd2Name, "城阳区 合计", "青岛市 合计"]);
        await Expect(PreviewCell(page, "青岛市 合计", "Task completion rate")).ToHaveTextAsync("80%");

        var workbook = await ExportAsync(page, month, "xlsx");
        workbook.FileName.ShouldBe($"双重预防机制运行情况报表_青岛市_{month.Code}.xlsx");
        var sheet = workbook.WorkbookRows();
        sheet.Keys.ShouldBe([Qd1Name, "黄岛区 合计", Qd2Name, "城阳区 合计", "青岛市 合计"], "Qingdao's enterprises and totals, and no Weifang row");
        sheet[Qd2Name]["统一社会信用代码"].ShouldBe("91370214MA3QD0002N");
        (sheet[Qd2Name]["重大风险单元"], sheet[Qd2Name]["应排查"], sheet[Qd2Name]["按时完成"], sheet[Qd2Name]["漏检"]).ShouldBe(("1", "4", "3", "1"));
        (sheet[Qd2Name]["排查任务完成率"], sheet[Qd2Name]["超期一般隐患"]).ShouldBe(("75", "1"));
        (sheet[Qd1Name]["较大风险单元"], sheet[Qd1Name]["排查任务完成率"], sheet[Qd1Name]["重大隐患"]).ShouldBe(("1", "100", "1"));
        (sheet["青岛市 合计"]["应排查"], sheet["青岛市 合计"]["按时完成"], sheet["青岛市 合计"]["排查任务完成率"]).ShouldBe(("5", "4", "80"));

        var csv = (await ExportAsync(page, month, "csv")).CsvRows();
        csv.Keys.ShouldBe(sheet.Keys);
        (csv[Qd2Name]["排查任务完成率"], csv["青岛市 合计"]["排查任务完成率"], csv["青岛市 合计"]["超期一般隐患"]).ShouldBe(("75%", "80%", "1"));
    }

    [Fact]
    public async Task An_open_city_dashboard_keeps_no_circuit_and_its_filters_and_links_still_answer()
    {
        var page = await browser.NewPageAsync();
        var circuits = new List<string>();
        page.WebSocket += (_, socket) => circuits.Add(socket.Url);
        await BrowserFixture.SignInAsync(page, "qingdao");
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/city"));
        await Expect(page.Locator("[data-testid=dashboard-region]")).ToContainTextAsync("青岛市");

        // A county through the GET form: the page is sent again, for the county, with no circuit opened.
        await page.Locator("[data-testid=county-filter]").SelectOptionAsync(new SelectOptionValue { Label = "黄岛区" });
        await page.WaitForURLAsync(url => url.Contains("region=370211", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=dashboard-region]")).ToContainTextAsync("黄岛区");
        await page.Locator("[data-testid=rank-by]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.WaitForURLAsync(url => url.Contains("rank=", StringComparison.Ordinal) && url.Contains("region=370211", StringComparison.Ordinal));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        circuits.ShouldBeEmpty("an open dashboard is rendered statically and keeps no circuit on the server (ADR 0020)");

        // The menu leads to an interactive page, whose circuit opens as it arrives.
        await page.Locator(".mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "合规报表" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/reports$"));
        await BrowserFixture.ClickUntilAsync(page, ".mud-tab:has-text('我的导出')", ".mud-tab-active:has-text('我的导出')");
        circuits.ShouldHaveSingleItem().ShouldContain("_blazor");

        // Back from the circuit through the menu: the dashboard link's redirect loads the static page in full.
        await page.Locator("[data-testid=nav-dashboard]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/city"));
        await Expect(page.Locator("[data-testid=dashboard-region]")).ToContainTextAsync("青岛市");
    }

    [Fact]
    public async Task On_a_375_pixel_phone_the_city_dashboard_fits_and_a_linked_report_scrolls_sideways_inside_the_page()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "qingdao");

        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/city"));
        await Expect(page.Locator("[data-testid=ranking-enterprise]")).ToHaveCountAsync(2);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= 375");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-phone-city-dashboard.png"), FullPage = true });

        await page.GotoAsync("/reports?period=2026-11");
        var table = page.Locator("[data-testid=report-table] .mud-table-container");
        await table.WaitForAsync();

        // The page's stylesheet arrives with the interactive head (HeadContent), a moment after the prerendered table.
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('tr.report-total td')].some(td => td.textContent.includes('青岛市 合计') && getComputedStyle(td).fontWeight === '700')");
        // Thirty-odd columns do not fit in 375 px: the table scrolls inside its container (measured again until the
        // interactive render settles; the container it first found can be replaced by that render).
        await page.WaitForFunctionAsync(
            "() => { const e = document.querySelector('[data-testid=report-table] .mud-table-container'); return e !== null && e.scrollWidth > e.clientWidth; }");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // The circuit took the prerendered report over (persisted state) and answers clicks: the tab switches on the server.
        await BrowserFixture.ClickUntilAsync(page, ".mud-tab:has-text('我的导出')", ".mud-tab-active:has-text('我的导出')");
        await Expect(page.Locator("[data-testid=report-table]")).ToHaveCountAsync(1);
    }

    private static ILocator Kpi(IPage page, string name) => page.Locator($"[data-testid=kpi-{name}]");

    /// <summary>The four-colour table's row of a level: its chip, then units and events.</summary>
    private static ILocator FourColorRow(IPage page, string level) => page.Locator($"[data-testid=four-color-row][data-level={level}]");

    private static ILocator PreviewCell(IPage page, string rowLabel, string column) =>
        page.Locator("[data-testid=report-table] tr", new() { Has = page.Locator("td[data-column=Enterprise]", new() { HasText = rowLabel }) })
            .Locator($"td[data-column='{column}']");

    private static async Task ExpectRankingAsync(IPage page, Guid enterpriseId, string name, string completion, string overdue, string units)
    {
        var link = page.Locator($"[data-testid=ranking-enterprise][data-id='{enterpriseId}']");
        await Expect(link).ToHaveTextAsync(name);
        var row = page.Locator("[data-testid=ranking] tr", new() { Has = link });
        await Expect(row.Locator("td[data-label=排查任务完成率]")).ToHaveTextAsync(completion);
        await Expect(row.Locator("td[data-label=超期隐患]")).ToHaveTextAsync(overdue);
        await Expect(row.Locator("td[data-label='重大/较大风险单元']")).ToHaveTextAsync(units);
    }

    /// <summary>
    /// Requests the export, runs its job inside the host as the Hangfire server would (the test host has none), waits
    /// for the progress to finish and downloads the file through the row's link.
    /// </summary>
    private async Task<DownloadedReport> ExportAsync(IPage page, ReportPeriod month, string extension)
    {
        await page.Locator($"[data-testid=export-{extension}]").ClickAsync();
        var row = page.Locator("[data-testid=export-table] tr", new() { Has = page.Locator("[data-testid=export-row]", new() { HasText = $"{month.Code}.{extension}" }) });
        await Expect(row.Locator("[data-testid=export-row]")).ToHaveAttributeAsync("data-status", "Queued");
        await RunQueuedExportsAsync();
        await Expect(row.Locator("[data-testid=export-progress]")).ToHaveAttributeAsync("data-percent", "100");
        return await DownloadedReport.ClickAsync(page, row.Locator("[data-testid=export-download]"));
    }

    private async Task RunQueuedExportsAsync()
    {
        List<Guid> queued;
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            queued = await db.ReportExports.Where(e => e.Status == ReportExportStatus.Queued).Select(e => e.Id).ToListAsync();
        }

        queued.ShouldHaveSingleItem();
        await ActivatorUtilities.CreateInstance<RunReportExportJob>(browser.Services).RunAsync(queued[0], CancellationToken.None);
    }

    private async Task SeedAsync(DateOnly today)
    {
        // Hidden dangers are registered, and windows generated, at the database clock: today, as the host sees it.
        browser.Clock.SetUtcNow(TimeProvider.System.GetUtcNow());
        var qd2 = await (await HandBuiltRegister.ForAsync(browser, browser.Qd2)).AnalysisObject("WALK-QD2", "储运罐区").Unit("1#储罐")
            .Event("储罐泄漏引发火灾", "火灾", l: 4, s: 5).Measure("液位计完好").Measure("呼吸阀畅通").Measure("防火堤无渗漏").Measure("可燃气体报警仪正常").SaveAsync();
        var qd1 = await (await HandBuiltRegister.ForAsync(browser, browser.Qd1)).AnalysisObject("WALK-QD1", "加氢装置区").Unit("加氢反应器")
            .Event("反应器超压", "爆炸", l: 3, s: 5).Measure("压力表正常").SaveAsync();
        var wf1 = await (await HandBuiltRegister.ForAsync(browser, browser.Wf1)).AnalysisObject("WALK-WF1", "潍坊罐区").Unit("潍坊储罐")
            .Event("潍坊储罐泄漏", "火灾", l: 4, s: 5).Measure("潍坊液位计完好").SaveAsync();
        await RecordTodayAsync(qd2, "1#储罐", completed: 3, missed: 1);
        await RecordTodayAsync(qd1, "加氢反应器", completed: 1, missed: 0);
        await RecordTodayAsync(wf1, "潍坊储罐", completed: 0, missed: 1);
        await RefreshStatisticsAsync();

        await HiddenDangerSeed.AddAsync(browser, browser.Qd2, "储运罐区防火堤裂缝", foundOn: today.AddDays(-5), deadline: today.AddDays(-1));
        await HiddenDangerSeed.AddAsync(browser, browser.Qd1, "加氢装置安全阀失效", HiddenDangerLevel.Major, foundOn: today, deadline: today.AddMonths(1));
        await HiddenDangerSeed.AddAsync(browser, browser.Wf1, "潍坊罐区超期隐患", foundOn: today.AddDays(-5), deadline: today.AddDays(-1));
    }

    /// <summary>Generates the enterprise's windows and settles today's windows of the unit as inspectors would have.</summary>
    private async Task RecordTodayAsync(HandBuiltRegister register, string unit, int completed, int missed)
    {
        await InspectionWindows.GenerateAsync(browser, register.EnterpriseId);
        var windows = (await InspectionWindows.OpenAsync(browser, register.Units[unit])).Values.Select(w => w.Id).ToList();
        windows.Count.ShouldBe(completed + missed, "one window a day per daily check");
        await using var db = browser.OwnerContext(TenantScope.System);
        var done = windows.Take(completed).ToList();
        await db.InspectionTasks.Where(t => done.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, InspectionTaskStatus.Completed));
        var skipped = windows.Skip(completed).ToList();
        await db.InspectionTasks.Where(t => skipped.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, InspectionTaskStatus.Missed));
    }

    /// <summary>Runs the statistics job the dashboards and reports read, as its recurring schedule would.</summary>
    private async Task RefreshStatisticsAsync()
    {
        await using var services = browser.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(CancellationToken.None);
    }

    private static Task ChooseAsync(IPage page, string option) =>
        page.Locator(".mud-popover-open .mud-list-item", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).First.ClickAsync();
}
