using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Simulator;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// The positioning story end to end: an enterprise administrator uploads a site plan and draws a red zone closed to
/// visitors; the simulator (src/DualPrevention.Simulator) walks the enterprise's visitor into it over MQTT; the app's own
/// fix consumer stores the fixes and its fence rules raise an unauthorised entry (ADR 0038, 0040), which appears on
/// the open duty page without a reload, is confirmed and converted into a hidden danger linked back to it (ADR 0037).
/// </summary>
public class PositioningStoryInTheBrowserTests(PositioningStoryInTheBrowserTests.IngestingBrowserFixture browser)
    : IClassFixture<PositioningStoryInTheBrowserTests.IngestingBrowserFixture>
{
    private const string Visitor = "访客林晓";

    [Fact]
    public async Task A_drawn_red_zone_catches_the_simulated_visitor_live_and_the_alarm_becomes_a_hidden_danger()
    {
        await RegisterVisitorWithTagAsync();
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "demo-qd1-admin");
        await SitePlanSteps.UploadScaledPlanAsync(admin, "仿真演示平面图");
        await SitePlanSteps.DrawRedZoneAsync(admin, "仿真禁入红区", [(60, 60), (200, 60), (200, 160), (60, 160)], closedToVisitors: true);

        var duty = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(duty, "demo-qd1-admin");
        await duty.GotoAsync("/alarms");
        await BrowserFixture.WaitForPageAsync(duty, "[data-testid=alarm-list], [data-testid=alarm-empty]");
        await duty.Locator("[data-testid=alarm-sound][data-live=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var http = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        var options = new SimulatorOptions { Tags = 3, Batch = 3, User = "demo-qd1-admin", Password = DemoDatabase.Password };
        var simulation = await Simulation.SetUpAsync(new PlatformApi(http), options, TimeProvider.System, TextWriter.Null, stop.Token);
        simulation.Walkers.Single(w => w.Role == WalkerRole.StraysIntoRedZone).Tag.HolderName.ShouldBe(Visitor);
        var broker = MqttBroker.Options();
        await using var publisher = await DevicePublisher.ConnectAsync(broker.Host, broker.Port, simulation.Credential, stop.Token);
        var walking = simulation.RunAsync(publisher, TimeProvider.System, stop.Token);

        var row = duty.Locator("[data-testid=alarm-row]", new() { HasText = Visitor });
        await row.WaitForAsync(new() { Timeout = 120_000 });
        (await row.TextContentAsync())!.ShouldContain("越界闯入");
        (await row.TextContentAsync())!.ShouldContain("仿真禁入红区");
        await stop.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => walking);

        await row.ClickAsync();
        await duty.WaitForURLAsync(url => url.Contains("/alarms/", StringComparison.Ordinal));
        var alarmPath = new Uri(duty.Url).AbsolutePath.TrimStart('/');
        await BrowserFixture.WaitForPageAsync(duty, "[data-testid=alarm-status]");
        await BrowserFixture.ClickUntilAsync(duty, "[data-testid=alarm-confirm]", ".mud-message-box");
        await duty.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await duty.Locator("[data-testid=alarm-status]", new() { HasText = "已确认" }).WaitForAsync();
        await BrowserFixture.ClickUntilAsync(duty, "[data-testid=alarm-convert]", ".mud-message-box");
        await duty.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await duty.WaitForURLAsync(url => url.Contains("/hidden-dangers/", StringComparison.Ordinal));
        await BrowserFixture.WaitForPageAsync(duty, "[data-testid=hidden-danger-state]");
        (await duty.Locator("[data-testid=hidden-danger-alarm]").GetAttributeAsync("href")).ShouldBe(alarmPath);
    }

    /// <summary>The visitor at the gate, as the registry page leaves them: registered, holding a tag until tomorrow.</summary>
    private async Task RegisterVisitorWithTagAsync()
    {
        await using var db = browser.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == browser.Qd1).Select(e => e.RegionCode).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var tag = PositioningTag.Register(browser.Qd1, region, "E2E-STORY-V1", TagKind.Badge, now);
        var visitor = Person.Register(browser.Qd1, region, Visitor, PersonTypes.Visitor, "青岛某设计院", TrainingStatus.Trained, now);
        db.AddRange(tag, visitor, TagBinding.Bind(tag, visitor, now.AddMinutes(-1), now.AddDays(1)));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The browser fixture whose host runs its jobs and its fix consumer in a share group of its own (other hosts on the
    /// test broker never take its messages), with a 5 s debounce so the story fits a test.
    /// </summary>
    public sealed class IngestingBrowserFixture : BrowserFixture
    {
        private readonly string _node = $"e2e{Guid.NewGuid():N}"[..16];

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Node:Jobs"] = "true",
            ["Positioning:Ingest:Group"] = _node,
            ["Positioning:Ingest:ClientId"] = _node,
            ["Positioning:Fences:DebounceSeconds"] = "5",
        };
    }
}
