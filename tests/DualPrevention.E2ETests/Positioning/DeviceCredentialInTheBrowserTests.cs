using DualPrevention.E2ETests.Accessibility;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// The device credential page (设备凭据) on a phone shows every channel a credential of the enterprise may use — the
/// positioning fixes', video alarms' and monitoring readings' MQTT topics and HTTP endpoints (ADR 0036, 0046, 0050) — each
/// with a copy button that puts exactly the value on the clipboard; another enterprise's admin sees its own topics only.
/// </summary>
public class DeviceCredentialInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_page_shows_every_topic_and_endpoint_of_the_enterprise_with_a_copy_button_and_another_enterprise_sees_its_own()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new BrowserContextGrantPermissionsOptions { Origin = browser.BaseUrl });
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/positioning/device-credentials");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=device-channels]");

        var channels = page.Locator("[data-testid=device-channel]");
        (await channels.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.kind)")).ShouldBe(["PositioningFixes", "VideoAlarms", "MonitoringReadings"]);
        (await page.Locator("[data-testid=device-channel-topic]").AllInnerTextsAsync()).ShouldBe([
            $"positioning/{browser.Qd1:D}/fixes", $"video/{browser.Qd1:D}/alarms", $"monitoring/{browser.Qd1:D}/readings"]);
        var root = browser.BaseUrl.TrimEnd('/');
        (await page.Locator("[data-testid=device-channel-endpoint]").AllInnerTextsAsync()).ShouldBe([
            $"{root}/api/v1/positioning/fixes", $"{root}/api/v1/video-alarms", $"{root}/api/v1/monitoring/readings"]);
        (await channels.Nth(1).InnerTextAsync()).ShouldContain("视频报警");

        await BrowserFixture.ClickUntilAsync(page, "[data-kind=VideoAlarms] [data-testid=device-channel-topic-copy]", ".mud-snackbar");
        (await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")).ShouldBe($"video/{browser.Qd1:D}/alarms");
        await page.ClickAsync("[data-kind=MonitoringReadings] [data-testid=device-channel-endpoint-copy]");
        await Assertions.Expect(page.Locator("[data-kind=MonitoringReadings] [data-testid=device-channel-endpoint-copy]")).ToHaveAttributeAsync("aria-label", "复制 监测数据 HTTP 上报地址");
        await page.WaitForFunctionAsync($"async () => (await navigator.clipboard.readText()) === '{root}/api/v1/monitoring/readings'");

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();

        var other = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(other, "demo-qd2-admin");
        await other.GotoAsync("/positioning/device-credentials");
        await BrowserFixture.WaitForPageAsync(other, "[data-testid=device-channels]");
        var topics = await other.Locator("[data-testid=device-channel-topic]").AllInnerTextsAsync();
        topics.ShouldBe([$"positioning/{browser.Qd2:D}/fixes", $"video/{browser.Qd2:D}/alarms", $"monitoring/{browser.Qd2:D}/readings"]);
        topics.ShouldAllBe(topic => !topic.Contains(browser.Qd1.ToString("D"), StringComparison.Ordinal));
    }
}
