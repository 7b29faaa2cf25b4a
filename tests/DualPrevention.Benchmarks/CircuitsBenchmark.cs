using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Memory per page kept open (goal: RSS ≤ 300 KB): the published app (<see cref="PublishedApp"/>, its own GC and circuit
/// settings; <c>DOTNET_*</c> and <c>Circuits__*</c> variables in the environment reach it, to compare others) and
/// headless Chromium, one signed-in context of the city reviewer qingdao, pages of a path (the city dashboard unless
/// <c>--page</c> names another) kept open. <see cref="WarmUp"/> pages first (JIT, caches, pools), then the app's resident
/// set (VmRSS) and live heap (a dotnet-gcdump of the app, which forces a full collection) are read; then <c>pages</c>
/// more, each waited for until it has loaded and, where it is interactive, its circuit has sent a frame, and both are read
/// again. Per page: the difference over the number opened. The dashboards are rendered statically (ADR 0020), so their
/// pages open no circuit: <c>circuits_opened=</c> says how many of the pages did. RSS is read before each heap dump (the
/// dump's collection may return memory) and again after. Last line: <c>rss_kb_per_circuit=… heap_kb_per_circuit=…</c>
/// (per page kept open; 1 KB = 1,024 bytes).
/// </summary>
internal static partial class CircuitsBenchmark
{
    private const string Reviewer = "qingdao";

    private const string Password = "Hazard#Qd7x";

    private const int WarmUp = 10;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(int pages, string path)
    {
        Console.WriteLine($"pages of {path}");
        Console.WriteLine($"load average before: {MachineLoad.Averages()}");
        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, Password);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DP_CHROMIUM") ?? "/usr/bin/chromium",

            // Pages of one site share a few renderer processes, so 200 open pages fit in the browser's memory.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--renderer-process-limit=4"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "zh-CN",
            StorageState = await SignInAsync(browser, app.BaseUrl),
        });

        await OpenAsync(context, path, WarmUp);
        var before = await MeasureAsync(app.ProcessId);
        var opening = Stopwatch.StartNew();
        var opened = await OpenAsync(context, path, pages);
        Console.WriteLine(Invariant($"opened {pages} pages in {opening.Elapsed.TotalSeconds:F0} s; circuits_opened={opened}"));
        var after = await MeasureAsync(app.ProcessId);
        Console.WriteLine($"live objects with {WarmUp} pages open: {before.Objects:N0}; with {WarmUp + pages}: {after.Objects:N0}");

        Console.WriteLine($"{"",-22} {"rss_kb",10} {"heap_kb",10} {"rss_after_dump_kb",18}");
        Console.WriteLine(Invariant($"{$"{WarmUp} pages",-22} {before.RssKb,10:N0} {before.HeapKb,10:N0} {before.RssAfterDumpKb,18:N0}"));
        Console.WriteLine(Invariant($"{$"{WarmUp + pages} pages",-22} {after.RssKb,10:N0} {after.HeapKb,10:N0} {after.RssAfterDumpKb,18:N0}"));
        Console.WriteLine($"GC: {Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).Select(k => $"{k}={Environment.GetEnvironmentVariable(k)}").DefaultIfEmpty("the app's own settings").Aggregate((a, b) => $"{a} {b}")}");
        Console.WriteLine($"load average after: {MachineLoad.Averages()}");
        Console.WriteLine(Invariant($"rss_kb_per_circuit={(after.RssKb - before.RssKb) / (double)pages:F0} heap_kb_per_circuit={(after.HeapKb - before.HeapKb) / (double)pages:F0}"));
    }

    /// <summary>
    /// Opens <paramref name="count"/> pages of <paramref name="path"/>, four at a time, each until it has loaded, shows its
    /// title and, if it is interactive (its HTML holds a server component), its circuit is live; returns how many opened a
    /// circuit.
    /// </summary>
    private static async Task<int> OpenAsync(IBrowserContext context, string path, int count)
    {
        var circuits = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
        {
            var page = await context.NewPageAsync();
            var responses = await BrowserResponses.AttachAsync(page);
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = (float)Limit.TotalMilliseconds });
            if ((await response!.TextAsync()).Contains("\"type\":\"server\"", StringComparison.Ordinal))
            {
                await responses.WaitForCircuitAsync(Limit);
                Interlocked.Increment(ref circuits);
            }

            await page.WaitForFunctionAsync(
                "() => document.querySelector('h1, .mud-typography-h5')?.textContent.trim().length > 0",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)Limit.TotalMilliseconds });
        });
        return circuits;
    }

    private static async Task<Reading> MeasureAsync(int processId)
    {
        await Task.Delay(Settle);
        var rss = RssKb(processId);
        var report = await HeapReportAsync(processId);
        return new Reading(rss, Number(HeapBytes().Match(report)) / 1024, RssKb(processId), Number(HeapObjects().Match(report)));
    }

    private static long RssKb(int processId) =>
        long.Parse(VmRss().Match(File.ReadAllText($"/proc/{processId}/status")).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The live heap by type as dotnet-gcdump (a local tool: <c>dotnet tool restore</c>) reports it after its forced collection.</summary>
    private static async Task<string> HeapReportAsync(int processId)
    {
        var dump = Path.Combine(Path.GetTempPath(), $"dp-bench-circuits-{processId}-{Guid.NewGuid():N}.gcdump");
        try
        {
            await ToolAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", dump);
            return await ToolAsync("report", dump);
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task<string> ToolAsync(params string[] arguments)
    {
        using var tool = Process.Start(new ProcessStartInfo("dotnet", ["tool", "run", "dotnet-gcdump", .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = tool.StandardOutput.ReadToEndAsync();
        var errors = tool.StandardError.ReadToEndAsync();
        await tool.WaitForExitAsync();
        return tool.ExitCode == 0 ? await output : throw new InvalidOperationException($"dotnet-gcdump {arguments[0]} failed ({tool.ExitCode}): {await errors}{await output}");
    }

    /// <summary>Signs the reviewer in through the login form in a context of its own; returns its storage state.</summary>
    private static async Task<string> SignInAsync(IBrowser browser, string baseUrl)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.FillAsync("#username", Reviewer);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 60_000 });
        return await context.StorageStateAsync();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex VmRss();

    private static long Number(Match match) => long.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();

    [GeneratedRegex(@"([\d,]+)\s+GC Heap objects")]
    private static partial Regex HeapObjects();

    private sealed record Reading(long RssKb, long HeapKb, long RssAfterDumpKb, long Objects);
}
