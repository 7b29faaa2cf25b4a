using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Alarms;

/// <summary>
/// 报警处置台账 in the browser (ADR 0042): a city's regulator sees its enterprises' open debt and never another city's,
/// follows an enterprise's open debt into the alarm list narrowed to it, on a desktop and on a phone with no serious axe
/// violation; an enterprise sees its own row only.
/// </summary>
public class AlarmDebtLedgerInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Qd1Name = "青岛示范石化有限公司";
    private const string Wf1Name = "潍坊示范化学有限公司";

    [Fact]
    public async Task A_city_regulator_follows_an_enterprises_open_debt_into_its_alarms_on_a_desktop_and_a_phone()
    {
        var alarm = await RaiseAsync(browser.Qd1, "报警台账：青岛罐区SOS");
        await RaiseAsync(browser.Wf1, "报警台账：潍坊罐区SOS");

        foreach (var (width, height) in new[] { (1280, 900), (375, 812) })
        {
            var page = await browser.NewPageAsync(width, height, bypassCsp: true);
            await BrowserFixture.SignInAsync(page, "qingdao");
            await page.GotoAsync("/alarms/ledger");
            var row = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=alarm-ledger-enterprise]", new() { HasText = Qd1Name }) });
            await row.WaitForAsync();
            await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

            int.Parse((await row.Locator("[data-testid=alarm-ledger-open]").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            (await page.Locator("[data-testid=alarm-ledger-table]").TextContentAsync())!.ShouldNotContain(Wf1Name);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width + 1);
            (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty($"{width} px");

            await row.Locator("[data-testid=alarm-ledger-open]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains($"enterpriseId={browser.Qd1}", StringComparison.Ordinal));
            await page.Locator($"[data-testid=alarm-row][data-alarm-id='{alarm}']").WaitForAsync();
            await page.Locator("[data-testid=alarm-filter-before]").WaitForAsync();
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_enterprise_sees_only_its_own_row()
    {
        await RaiseAsync(browser.Qd1, "报警台账：本企业");
        await RaiseAsync(browser.Qd2, "报警台账：另一企业");
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");

        await page.GotoAsync("/alarms/ledger");
        await page.Locator("[data-testid=alarm-ledger-enterprise]", new() { HasText = "青岛示范化工储运有限公司" }).WaitForAsync();
        await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        (await page.Locator("[data-testid=alarm-ledger-enterprise]").CountAsync()).ShouldBe(1);
        (await page.Locator("[data-testid=alarm-ledger-table]").TextContentAsync())!.ShouldNotContain(Qd1Name);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();
    }

    /// <summary>Raises an SOS through the app's own services, as a positioning feed on the server would.</summary>
    private async Task<Guid> RaiseAsync(Guid enterpriseId, string summary)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var raised = new RaisedAlarm(AlarmSource.Positioning, $"browser-{Guid.NewGuid():N}", AlarmCategories.Sos, AlarmSeverity.Critical, DateTimeOffset.UtcNow, summary, ZoneId: Guid.NewGuid());
        return (await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new(enterpriseId, raised), CancellationToken.None)).AlarmId;
    }
}
