using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Accessibility;

/// <summary>
/// Every routable page (the <c>@page</c> routes of the Web assembly, <see cref="Every_route_is_visited"/>) has no
/// serious or critical axe-core violation of WCAG 2 A/AA, on a desktop and on a 375 px phone. Each page is visited
/// once, by the role that sees it filled, in one signed-in context per role.
/// </summary>
public class AccessibilityInTheBrowserTests(SampleRegisterBrowserFixture browser) : IClassFixture<SampleRegisterBrowserFixture>
{
    [Fact]
    public Task Every_page_on_a_desktop_has_no_serious_axe_violation() => CheckEveryPageAsync(1280, 900);

    [Fact]
    public Task Every_page_on_a_phone_has_no_serious_axe_violation() => CheckEveryPageAsync(375, 812);

    [Fact]
    public void Every_route_is_visited()
    {
        var visits = Visits();
        var visited = visits.SelectMany(v => v.Paths).Select(Template).ToHashSet();
        var routes = typeof(DualPrevention.Web.Shell.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template);

        routes.Where(r => !visited.Contains(Template(r))).ShouldBeEmpty();
    }

    private async Task CheckEveryPageAsync(int width, int height)
    {
        var failures = new List<string>();
        foreach (var (userName, paths) in Visits())
        {
            var page = await browser.NewPageAsync(width, height, bypassCsp: true);
            if (userName is not null)
            {
                await BrowserFixture.SignInAsync(page, userName);
            }

            foreach (var path in paths)
            {
                try
                {
                    await OpenAsync(page, path, signedIn: userName is not null);
                    failures.AddRange((await AxeCheck.SeriousViolationsAsync(page)).Select(v => $"{userName ?? "anonymous"} {path}: {v}"));
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException or ShouldAssertException)
                {
                    failures.Add($"{userName ?? "anonymous"} {path}: {e.Message}");
                }
            }

            await page.Context.CloseAsync();
        }

        failures.ShouldBeEmpty();
    }

    /// <summary>
    /// Opens a page and waits until it has rendered in full: a static page at once, an interactive one in its circuit with
    /// its tables loaded. An anonymous visitor's interactive page (<c>/not-found</c>) is complete as prerendered: no
    /// circuit marks its layout interactive, so none is waited for.
    /// </summary>
    private static async Task OpenAsync(IPage page, string path, bool signedIn)
    {
        await page.GotoAsync(path);
        // A home route (/dashboard) forwards to the reader's own page; refusals and a missing page are not visits.
        var landed = new Uri(page.Url).AbsolutePath;
        if (landed != path.Split('?')[0])
        {
            landed.ShouldNotBeOneOf(["/account/login", "/account/access-denied", "/not-found"], $"{path} sent the browser elsewhere");
        }

        if (signedIn && await page.Locator("body[data-enhance-nav=false] .mud-layout").CountAsync() > 0)
        {
            await BrowserFixture.WaitForInteractiveAsync(page);
        }

        // A table's rows arrive after the circuit connects: checked while loading, a wide table's header is a scrolling
        // region with nothing in it to focus.
        await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    /// <summary>Who visits which pages: the role that fills each page best, and the pages only some roles see.</summary>
    private (string? UserName, string[] Paths)[] Visits()
    {
        var (unit, source, hiddenDanger, draft) = (browser.Unit, browser.MajorHazardSource, browser.HiddenDanger, browser.Draft);
        return
        [
            (null, ["/account/login", "/account/access-denied", "/not-found"]),
            ("admin", ["/", "/accounts", "/audit", "/admin/holiday-calendar", "/risk-band-tables", "/enterprises", $"/enterprises/{browser.Qd1}", "/group-robots"]),
            ("province", ["/dashboard/province", "/supervision/province", "/reports", "/notifications", "/direct-judgement-rules"]),
            ("qingdao", [
                "/dashboard", "/dashboard/city", "/supervision/city", "/permits/supervision", $"/permits/{browser.Permit}", "/hidden-dangers", $"/enterprises/{browser.Qd1}/inspection-board",
                $"/enterprises/{browser.Qd1}/risk-register", $"/enterprises/{browser.Qd1}/risk-overview", $"/site-plans?enterprise={browser.Qd1}",
                $"/site-plans/{browser.SitePlan}/four-color-map", $"/positioning/live?enterprise={browser.Qd1}", "/positioning/ingest", "/alarms/ledger",
                $"/positioning/muster?enterprise={browser.Qd1}", $"/positioning/muster/{browser.Muster}"]),
            ("demo-qd1-admin", [
                "/dashboard/enterprise", "/risk-register", "/risk-register/overview", "/risk-register/import", $"/risk-register/units/{unit}/card",
                $"/risk-register/units/{unit}/deactivations", "/inspection-tasks", "/inspection-board", "/major-hazard-sources", "/major-hazards", $"/major-hazards/{source}", $"/major-hazards/{source}/monitoring",
                $"/major-hazard-sources/{source}/accountability", "/hidden-dangers/import", $"/hidden-dangers/{hiddenDanger}",
                $"/hidden-dangers/drafts/{draft}", "/account/change-password", "/site-plans", $"/site-plans/{browser.SitePlan}",
                "/positioning/tags", "/positioning/cameras", "/positioning/persons", "/positioning/bindings", "/positioning/device-credentials", "/positioning/ingest",
                "/alarms", $"/alarms/{browser.Alarm}", "/permits", "/permits/board", "/permits/new", "/permits/signers", $"/permits/{browser.Permit}", "/positioning/live", "/positioning/muster", $"/positioning/muster/{browser.Muster}", "/positioning/track",
                "/video-alarms/intake"]),
            ("demo-qd1-inspector", ["/to-dos", "/inspect", $"/inspect/units/{unit}", "/hidden-dangers/report"]),
        ];
    }

    /// <summary>A route or a visited path with its ids and constraints blanked, to match one against the other.</summary>
    private static string Template(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route.Split('?')[0], @"\{[^}]+\}|[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
}
