using DualPrevention.Core;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.HiddenDangers;

/// <summary>
/// What the escalation job (docs/domain/dual-prevention.md#81-the-escalation-ladder) puts in front of people, seen in
/// the browser: the job runs inside the host with a clock the test sets, so its notifications reach the open pages
/// through the host's own hub.
/// </summary>
public class EscalationInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Milliseconds a pushed change may take on a busy machine, well under the bell's 30 s re-count.</summary>
    private const float LivePush = 10_000;

    [Fact]
    public async Task A_general_item_overdue_seven_days_reaches_the_city_reviewers_supervision_list_when_the_job_runs()
    {
        // The running app counts days overdue from today's Beijing date, so the deadline is set from it too.
        var today = BusinessTime.LocalDate(TimeProvider.System.GetUtcNow());
        var deadline = today.AddDays(-10);
        await ForcedHiddenDanger.Of(browser.Qd2).Named("二号罐区呼吸阀锈蚀").DueOn(deadline).SaveAsync(browser);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "qingdao");
        await page.GotoAsync("/supervision/city");
        await page.WaitForSelectorAsync("[data-testid=supervision-table] [data-testid=empty]");

        await EscalateAsync(LocalMorning(deadline.AddDays(8)));

        await page.ReloadAsync();
        var row = page.Locator("[data-testid=supervision-table] tr", new() { Has = page.Locator("[data-testid=supervision-row]", new() { HasText = "二号罐区呼吸阀锈蚀" }) });
        await row.Locator("[data-testid=supervision-reason]", new() { HasText = "阶梯升级上报" }).WaitForAsync();
        (await row.Locator("[data-testid=overdue]").InnerTextAsync()).ShouldContain("超期 10 天");
        (await row.InnerTextAsync()).ShouldContain("一般隐患超期 7 天");
    }

    [Fact]
    public async Task An_enterprise_escalated_for_missed_checks_is_on_the_city_supervision_page_and_dashboard_as_the_inbox_says()
    {
        await HiddenDangerSeed.EscalateMissedWindowsAsync(browser, browser.Qd2, "2026-W45");
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "qingdao");

        await page.GotoAsync("/supervision/city");
        var listed = page.Locator("[data-testid=supervision-enterprises] tr", new() { HasText = "2026-W45" });
        await listed.WaitForAsync();
        (await listed.InnerTextAsync()).ShouldContain("青岛示范化工储运有限公司");

        await page.GotoAsync("/dashboard/city");
        var digest = page.Locator("[data-testid=supervision-digest] [data-testid=digest-enterprise]", new() { HasText = "青岛示范化工储运有限公司" });
        await digest.WaitForAsync();
        (await page.Locator("[data-testid=supervision-digest]").InnerTextAsync()).ShouldContain("2026-W45");
    }

    [Fact]
    public async Task The_rectifiers_bell_counts_a_reminder_the_moment_the_job_writes_it_and_counts_down_when_it_is_read()
    {
        var rectifier = await UserIdAsync("demo-qd1-inspector");
        await ForcedHiddenDanger.Of(browser.Qd1).Named("配电室应急照明损坏").DueOn(new DateOnly(2027, 3, 10)).RectifiedBy(rectifier).SaveAsync(browser);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-inspector");

        // The inbox's table loads only once the circuit is live; from then on the app bar's bell listens for changes.
        await page.GotoAsync("/notifications");
        await page.Locator("[data-testid=notification-table]", new() { HasText = "暂无消息" }).WaitForAsync();
        await page.ClickAsync(".mud-nav-link[href='hidden-dangers']");
        await page.Locator("[data-testid=ledger-row]", new() { HasText = "配电室应急照明损坏" }).WaitForAsync();
        await page.EvaluateAsync("window.dpNotReloaded = true");
        (await UnreadBadge(page).IsVisibleAsync()).ShouldBeFalse();

        // Three days before the deadline the ladder's first step reminds the rectifier
        // (docs/domain/dual-prevention.md#81-the-escalation-ladder).
        await EscalateAsync(LocalMorning(new DateOnly(2027, 3, 7)));

        // Well inside the bell's 30 s re-count: the hub's signal pushes the new count over the circuit.
        await UnreadBadge(page).Filter(new() { HasText = "1" }).WaitForAsync(new() { Timeout = LivePush });
        (await page.EvaluateAsync<bool>("window.dpNotReloaded === true")).ShouldBeTrue();

        await page.ClickAsync("[data-testid=notification-bell]");
        var message = page.Locator("[data-testid=notification-table] tr", new() { HasText = "隐患整改即将到期" });
        await message.WaitForAsync();
        (await message.InnerTextAsync()).ShouldContain("配电室应急照明损坏");
        (await message.InnerTextAsync()).ShouldContain("距整改期限还有 3 天");

        await message.Locator("[data-testid=mark-read]").ClickAsync();
        await UnreadBadge(page).WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = LivePush });
        await message.Locator("[data-testid=mark-read]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.EvaluateAsync<bool>("window.dpNotReloaded === true")).ShouldBeTrue();
    }

    private static ILocator UnreadBadge(IPage page) => page.Locator("[data-testid=unread-badge] .mud-badge");

    private static DateTimeOffset LocalMorning(DateOnly date) => BusinessTime.FromLocal(date.ToDateTime(new TimeOnly(8, 0)));

    /// <summary>
    /// Runs the <c>hidden-dangers:escalate</c> job's handler, then the fan-out of <c>notifications:deliver</c>, as
    /// Hangfire would (system scope, the host's services), at <paramref name="now"/>.
    /// </summary>
    private async Task EscalateAsync(DateTimeOffset now)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var clock = (TimeProvider)new FakeTimeProvider(now);
        await ActivatorUtilities.CreateInstance<EscalateHiddenDangers.Handler>(scope.ServiceProvider, clock).HandleAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<NotifyEscalations.Handler>(scope.ServiceProvider, clock).HandleAsync(CancellationToken.None);
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var db = browser.OwnerContext(TenantScope.System);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }
}
