using System.Globalization;
using Microsoft.Playwright;

namespace DualPrevention.Benchmarks;

/// <summary>
/// What a phone downloads (goal: first visit ≤ 250 KB, repeat visit ≤ 30 KB): the login page, and the inspector's
/// home <c>/inspect</c> as demo-qd1-inspector (signed in beforehand in another context), each opened in headless
/// Chromium at 375 × 812 px with an empty cache (first visit) and then again in the same browser context (repeat visit,
/// the cache warm, as the next QR scan on site). Bytes are counted on the wire by a <see cref="WireTap"/> between browser
/// and app until nothing has passed for <see cref="Quiet"/> (the Blazor circuit has rendered): received — HTTP responses
/// as sent plus the circuit's WebSocket frames after permessage-deflate — and sent, apart. <see cref="BrowserResponses"/>
/// lists the HTTP responses. The app is the published one (<see cref="PublishedApp"/>) over a fresh benchmark database,
/// or the one <c>DP_BENCH_APP_URL</c> names (e.g. deploy/local/run.sh's; demo seeded, password <c>DP_DEMO_PASSWORD</c>
/// or the default). Fails when a script or style sheet of more than 1 KB arrives without Brotli. Last line:
/// <c>first_visit_kb=… repeat_visit_kb=…</c>, bytes received on the larger of the two pages (1 KB = 1,000 bytes).
/// </summary>
internal static class PageWeightBenchmark
{
    private const string Inspector = "demo-qd1-inspector";

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync()
    {
        var password = Environment.GetEnvironmentVariable("DP_DEMO_PASSWORD") is { Length: > 0 } given ? given : "Hazard#Qd7x";
        if (Environment.GetEnvironmentVariable("DP_BENCH_APP_URL") is { Length: > 0 } url)
        {
            return await MeasureAsync(url, password);
        }

        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, password);
        return await MeasureAsync(app.BaseUrl, password);
    }

    private static async Task<int> MeasureAsync(string appUrl, string password)
    {
        await using var tap = WireTap.Start(appUrl);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DP_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        PageVisits[] pages =
        [
            await VisitTwiceAsync(browser, tap, "/account/login", signedIn: null),
            await VisitTwiceAsync(browser, tap, "/inspect", await SignInAsync(browser, tap.Url, password)),
        ];
        Print(pages);
        var uncompressed = pages.SelectMany(p => p.First.Responses).Where(r => r.Bytes > 1000 && r.ContentEncoding != "br" && IsScriptOrStyle(r.Path)).ToList();
        foreach (var response in uncompressed)
        {
            Console.Error.WriteLine(Invariant($"error: {response.Path} arrived without Brotli ({response.Bytes:N0} bytes, encoding '{response.ContentEncoding}')"));
        }

        Console.WriteLine(Invariant($"first_visit_kb={Kb(pages.Max(p => p.First.Received)):F1} repeat_visit_kb={Kb(pages.Max(p => p.Repeat.Received)):F1}"));
        return uncompressed.Count == 0 ? 0 : 1;
    }

    /// <summary>A table of the four visits (HTTP as Chromium counted it; the circuit is the rest received), then their responses.</summary>
    private static void Print(PageVisits[] pages)
    {
        var visits = pages.SelectMany(p => new[] { (p.Path, Name: "first", Visit: p.First), (p.Path, Name: "repeat", Visit: p.Repeat) }).ToList();
        Console.WriteLine($"{"page",-16} {"visit",-7} {"received_kb",12} {"http_kb",8} {"circuit_kb",11} {"sent_kb",8} {"responses",10} {"from_cache",11}");
        foreach (var (path, name, visit) in visits)
        {
            var http = visit.Responses.Sum(r => r.Bytes);
            Console.WriteLine(Invariant($"{path,-16} {name,-7} {Kb(visit.Received),12:F1} {Kb(http),8:F1} {Kb(visit.Received - http),11:F1} {Kb(visit.Sent),8:F1} {visit.Responses.Count,10} {visit.Responses.Count(r => r.FromCache),11}"));
        }

        foreach (var (path, name, visit) in visits)
        {
            Console.WriteLine($"{path}, {name} visit: HTTP responses (bytes received, status, encoding, cache-control)");
            foreach (var response in visit.Responses.OrderByDescending(r => r.Bytes))
            {
                Console.WriteLine(Invariant($"  {response.Bytes,8:N0}  {response.Status}  {response.ContentEncoding,-4}  {(response.FromCache ? "(from cache)" : response.CacheControl),-30}  {response.Path}"));
            }
        }
    }

    /// <summary>Opens <paramref name="path"/> on an empty cache, then again in the same context (the cache warm).</summary>
    private static async Task<PageVisits> VisitTwiceAsync(IBrowser browser, WireTap tap, string path, string? signedIn)
    {
        await using var context = await browser.NewContextAsync(Phone(tap.Url, signedIn));
        var page = await context.NewPageAsync();
        var responses = await BrowserResponses.AttachAsync(page);
        var first = await VisitAsync(page, tap, responses, path);
        // Through a blank page, so the second visit is a new navigation (as a new scan), not a reload of the same URL.
        await page.GotoAsync("about:blank");
        await tap.WaitForQuietAsync(Quiet, Limit);
        var repeat = await VisitAsync(page, tap, responses, path);
        return new PageVisits(path, first, repeat);
    }

    private static async Task<Visit> VisitAsync(IPage page, WireTap tap, BrowserResponses responses, string path)
    {
        tap.Reset();
        responses.Reset();
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (path != "/account/login")
        {
            await responses.WaitForCircuitAsync(Limit);
        }

        await tap.WaitForQuietAsync(Quiet, Limit);
        return new Visit(tap.Down, tap.Up, responses.Finished);
    }

    /// <summary>Signs the inspector in through the login form in a context of its own; returns its storage state.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl, string password)
    {
        await using var context = await browser.NewContextAsync(Phone(baseUrl, signedIn: null));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#username", Inspector);
        await page.FillAsync("#password", password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    private static BrowserNewContextOptions Phone(string baseUrl, string? signedIn) => new()
    {
        BaseURL = baseUrl,
        ViewportSize = new ViewportSize { Width = 375, Height = 812 },
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
        StorageState = signedIn,
    };

    private static bool IsScriptOrStyle(string path) => Path.GetExtension(new Uri("http://x" + path).AbsolutePath) is ".js" or ".css";

    private static double Kb(long bytes) => bytes / 1000.0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record PageVisits(string Path, Visit First, Visit Repeat);

    /// <summary>One page load: bytes the browser received and sent on the wire, and its HTTP responses.</summary>
    private sealed record Visit(long Received, long Sent, IReadOnlyList<BrowserResponse> Responses);
}
