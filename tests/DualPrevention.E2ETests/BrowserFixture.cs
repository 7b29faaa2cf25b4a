using DualPrevention.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests;

/// <summary>
/// The real host on Kestrel (a free loopback port) over a demo database, and Debian's Chromium driven by
/// Playwright (<c>DP_CHROMIUM</c>, default /usr/bin/chromium; no browser download).
/// </summary>
public class BrowserFixture : DemoDatabase
{
    private DualPreventionAppFactory? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running host's services, e.g. to run a job's handler in the same process as the pages it should reach.</summary>
    public IServiceProvider Services => _factory!.Services;

    /// <summary>Configuration the host starts with over the test defaults, e.g. the addresses of outside services.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _factory = new DualPreventionAppFactory(this, Settings);
        _factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Expectations retry as long as actions wait (NewPageAsync): CI runs the test projects side by side on two cores.
        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("DP_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public override async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright!.Dispose();
        await _factory!.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>
    /// A fresh browser context (own cookies) with a page of the given viewport; <paramref name="bypassCsp"/> lets a test
    /// inject its own script (axe-core) past the app's Content-Security-Policy.
    /// </summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            BypassCSP = bypassCsp,
        });
        // Generous: CI runs the test projects side by side on two cores, and a circuit can take a while to connect.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Clicks <paramref name="target"/> until <paramref name="outcome"/> appears: a click that lands before the page's
    /// circuit is interactive is lost, and a person would simply click again.
    /// </summary>
    public static async Task ClickUntilAsync(IPage page, string target, string outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.ClickAsync(target);
            try
            {
                await page.WaitForSelectorAsync(outcome, new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 6)
            {
            }
        }
    }

    /// <summary>
    /// Waits for <paramref name="selector"/> and for the page to be interactive (its layout rendered in the circuit):
    /// a prerendered page shows its content but loses clicks, file choices and typing until then.
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, string selector)
    {
        await page.Locator(selector).First.WaitForAsync();
        await WaitForInteractiveAsync(page);
    }

    /// <summary>Waits until the page's layout has rendered in its circuit (<c>data-interactive</c>, MainLayout).</summary>
    public static Task WaitForInteractiveAsync(IPage page) => page.Locator("[data-interactive=true]").WaitForAsync();

    /// <summary>Signs in through the login form and waits for the interactive home page.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = Password)
    {
        // A submit that races the page's own loading is occasionally lost on a busy machine; submit again, as a person would.
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", userName);
            await page.FillAsync("#password", password);
            await page.ClickAsync("[data-testid=login-submit]");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }

        await page.WaitForSelectorAsync("[data-testid=scope-name]");
    }
}
