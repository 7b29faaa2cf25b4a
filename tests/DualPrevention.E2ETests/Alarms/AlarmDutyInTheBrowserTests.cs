using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Alarms;

/// <summary>
/// 报警中心 on a phone (ADR 0037): an alarm raised on the server appears on the open duty page without a reload and
/// counts a sound; the person on duty confirms it and converts it into a hidden danger, whose page links back. The city
/// bureau and the province reach it from their menus, each card naming its enterprise; another city's bureau does not see
/// it (ADR 0053).
/// </summary>
public class AlarmDutyInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_alarm_raised_on_the_server_appears_on_the_open_duty_page_and_is_confirmed_and_converted_into_a_hidden_danger()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/alarms");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=alarm-list], [data-testid=alarm-empty]");
        await page.Locator("[data-testid=alarm-sound][data-live=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        const string Summary = "一键报警：罐区巡检员张三";
        var alarm = await RaiseAsync(Summary);
        var row = page.Locator($"[data-testid=alarm-row][data-alarm-id='{alarm}']");
        await row.WaitForAsync();
        await page.Locator("[data-testid=alarm-sound][data-played='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        await row.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/alarms/{alarm}", StringComparison.Ordinal));
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=alarm-status]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=alarm-confirm]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.Locator("[data-testid=alarm-status]", new() { HasText = "已确认" }).WaitForAsync();

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=alarm-convert]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/hidden-dangers/", StringComparison.Ordinal));
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=hidden-danger-state]");
        (await page.Locator("[data-testid=hidden-danger-alarm]").GetAttributeAsync("href")).ShouldBe($"alarms/{alarm}");
        await page.Locator("h1, h2, h3, h4, h5, h6, .mud-typography", new() { HasText = Summary }).First.WaitForAsync();
    }

    [Fact]
    public async Task On_a_phone_the_duty_role_resolves_an_alarm_with_a_camera_photo_and_the_page_shows_it()
    {
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        var alarm = await RaiseAsync("一键报警：装卸区操作工李四");
        await page.GotoAsync($"/alarms/{alarm}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=alarm-status]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=alarm-confirm]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.Locator("[data-testid=alarm-status]", new() { HasText = "已确认" }).WaitForAsync();

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=alarm-resolve]", "[data-testid=alarm-resolve-form]");
        const string Evidence = "已关闭进料阀，现场通风后复测合格";
        await page.FillAsync("[data-testid=alarm-evidence]", Evidence);
        await page.SetInputFilesAsync("[data-testid=photo-input]", new FilePayload { Name = "现场.svg", MimeType = "image/svg+xml", Buffer = PhotoCorpus.SvgWithScript });
        await page.Locator("[data-testid=photo-error]", new() { HasText = "现场.svg" }).WaitForAsync();
        (await page.InputValueAsync("[data-testid=alarm-evidence]")).ShouldBe(Evidence, "a refused file loses none of the typed evidence");

        await page.SetInputFilesAsync("[data-testid=photo-input]", new FilePayload { Name = "现场.jpg", MimeType = "image/jpeg", Buffer = PhotoCorpus.PhoneJpegWithOrientation });
        await page.Locator("[data-testid=thumbnail]").WaitForAsync();
        (await page.Locator("[data-testid=photo-error]").CountAsync()).ShouldBe(0);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ClickAsync("[data-testid=alarm-resolve-save]");

        await page.Locator("[data-testid=alarm-status]", new() { HasText = "已处置" }).WaitForAsync();
        var photo = page.Locator("[data-testid=alarm-evidence-photo] img");
        await photo.WaitForAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=alarm-evidence-photo] img')?.complete");
        (await photo.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBe(20, "the phone photo, turned upright (20 × 40)");
        (await page.Locator("[data-testid=alarm-evidence-photo]").GetAttributeAsync("target")).ShouldBe("_blank");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-alarm-resolved-photo-phone.png"), FullPage = true });

        // The photo loaded above under the site's CSP; axe's script needs it bypassed.
        var audited = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(audited, "demo-qd1-admin");
        await audited.GotoAsync($"/alarms/{alarm}");
        await audited.Locator("[data-testid=alarm-evidence-photo] img").WaitForAsync();
        (await AxeCheck.SeriousViolationsAsync(audited)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_city_bureau_and_the_province_open_the_alarm_centre_from_their_menus_and_each_card_names_its_enterprise()
    {
        var summary = $"一键报警：监管可见{Guid.NewGuid():N}"[..16];
        var alarm = await RaiseAsync(summary);
        foreach (var regulator in new[] { "qingdao", "province" })
        {
            var page = await browser.NewPageAsync(bypassCsp: true);
            await BrowserFixture.SignInAsync(page, regulator);
            await page.ClickAsync("[data-testid=nav-alarms]");
            await page.WaitForURLAsync("**/alarms");
            var card = page.Locator($"[data-testid=alarm-row][data-alarm-id='{alarm}']");
            await card.WaitForAsync();
            (await card.Locator("[data-testid=alarm-enterprise]").InnerTextAsync()).ShouldBe("青岛示范石化有限公司", regulator);
            (await card.InnerTextAsync()).ShouldContain(summary);
            await BrowserFixture.WaitForInteractiveAsync(page);
            (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty(regulator);
        }

        var weifang = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(weifang, "weifang");
        await weifang.GotoAsync("/alarms");
        await BrowserFixture.WaitForPageAsync(weifang, "[data-testid=alarm-list], [data-testid=alarm-empty]");
        (await weifang.Locator($"[data-testid=alarm-row][data-alarm-id='{alarm}']").CountAsync()).ShouldBe(0);
        (await weifang.ContentAsync()).ShouldNotContain(summary);
    }

    /// <summary>Raises an SOS through the app's own services, as a positioning feed on the server would.</summary>
    private async Task<Guid> RaiseAsync(string summary)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var raised = new RaisedAlarm(AlarmSource.Positioning, $"browser-{Guid.NewGuid():N}", AlarmCategories.Sos, AlarmSeverity.Critical, browser.Clock.GetUtcNow(), summary, ZoneId: Guid.NewGuid());
        return (await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new(browser.Qd1, raised), CancellationToken.None)).AlarmId;
    }
}
