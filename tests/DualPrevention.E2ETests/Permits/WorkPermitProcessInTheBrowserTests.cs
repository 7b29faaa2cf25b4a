using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Permits;

/// <summary>
/// A level-2 hot-work permit on a phone (ADR 0045), from the apply form to closed: the form's rules speak at the fields,
/// a saved draft opens on its page, each step shows only what the state allows, a refused step lists the core's
/// reasons, each approval step is signed by its own person signed in on their phone (ADR 0051), the gas test shows its verdict, suspending takes one tap, and the timeline ends with the acceptance.
/// </summary>
public class WorkPermitProcessInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_a_hot_work_level_2_permit_goes_from_the_apply_form_to_closed()
    {
        await PermitSeed.CrewAsync(browser, browser.Qd1);
        var work = $"管线动火{Guid.NewGuid():N}"[..12];
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/permits/new");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=apply-save]");

        await page.ClickAsync("[data-testid=apply-save]");
        await page.Locator(".mud-input-helper-text.mud-input-error").First.WaitForAsync();
        page.Url.ShouldEndWith("/permits/new", Case.Insensitive, "a refused form stays open");

        await page.FillAsync("[data-testid=apply-hot-method]", "电焊");
        await page.FillAsync("[data-testid=apply-unit]", "检修车间");
        await page.FillAsync("[data-testid=apply-work]", work);
        await page.FillAsync("[data-testid=apply-location]", "罐区北侧");
        await page.FillAsync("[data-testid=apply-hazards]", "可燃气体泄漏、火花飞溅");
        await ChooseAsync(page, "WorkLeader", "负责人甲");
        await ChooseAsync(page, "Worker", "焊工丙");
        await ChooseAsync(page, "Guardian", "监护人乙");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ClickAsync("[data-testid=apply-save]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/permits/[0-9a-f-]{36}$"));
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-number]");
        await State(page, "草稿");
        (await page.Locator("[data-testid=permit-detail-grade]").InnerTextAsync()).ShouldBe("二级");

        await StepAsync(page, "Submitted", "作业准备");
        await page.ClickAsync("[data-testid=permit-act-SentForApproval]");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.Locator("[data-testid=permit-refusal-reason]").First.WaitForAsync();
        (await page.Locator("[data-testid=permit-refusal-reason]").CountAsync()).ShouldBeGreaterThanOrEqualTo(2, "every missing preparation is named");
        await State(page, "作业准备");

        while (await page.Locator("[data-testid=permit-measure-confirm]").CountAsync() is var open and > 0)
        {
            await page.Locator("[data-testid=permit-measure-confirm]").First.ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=permit-measure-confirm]').length < {open}");
        }

        await page.FillAsync("[data-testid=permit-briefing-content]", "动火点周围易燃物已清除");
        await page.ClickAsync("[data-testid=permit-briefing]");
        await page.Locator("[data-testid=permit-measures]", new() { HasText = "已完成安全交底" }).WaitForAsync();

        await page.FillAsync("[data-testid=gas-point]", "动火点");
        await page.FillAsync("[data-testid=gas-name]", "甲烷");
        await page.FillAsync("[data-testid=gas-value]", "8");
        await page.FillAsync("[data-testid=gas-analyst]", "分析员丁");
        await page.FillAsync("[data-testid=gas-detector]", "DET-7");
        await page.ClickAsync("[data-testid=gas-save]");
        await page.Locator("[data-testid=permit-gas-verdict][data-passed=yes]").WaitForAsync();

        // The registry has several persons of that name by now: the work-leader account is the one this permit names.
        await PermitSeed.LinkWorkLeaderAsync(browser, browser.Qd1, Guid.Parse(page.Url[^36..]));
        await StepAsync(page, "SentForApproval", "审批中");
        // The administrator is not the work leader: the page says who signs next instead of offering the button (ADR 0051).
        await page.Locator("[data-testid=permit-sign-waiting]", new() { HasText = "青岛作业负责人张伟" }).WaitForAsync();
        (await page.Locator("[data-testid=permit-sign]").CountAsync()).ShouldBe(0);
        var permitUrl = page.Url;
        // Level 2: the work leader, the owning unit, the safety department, and the unit again as the approver, each signing in on a phone.
        foreach (var (signer, signed) in new[] { ("leader", 1), ("unit", 2), ("safetydept", 3), ("unit", 4) })
        {
            var phone = await browser.NewPageAsync(width: 375, height: 812);
            await BrowserFixture.SignInAsync(phone, $"demo-qd1-{signer}");
            await phone.GotoAsync(permitUrl);
            await BrowserFixture.WaitForPageAsync(phone, "[data-testid=permit-sign]");
            await phone.ClickAsync("[data-testid=permit-sign]");
            await phone.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=permit-approval][data-signed=yes]').length >= {signed}");
            await phone.Context.CloseAsync();
        }

        var shiftLeader = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(shiftLeader, "demo-qd1-shift");
        await shiftLeader.GotoAsync(permitUrl);
        await BrowserFixture.WaitForPageAsync(shiftLeader, "[data-testid=permit-number]");
        await State(shiftLeader, "已批准");
        await StepAsync(shiftLeader, "ShiftLeaderChecked", "已批准");
        await shiftLeader.Locator("[data-testid=permit-act-ShiftLeaderChecked]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await shiftLeader.Context.CloseAsync();
        await page.ReloadAsync();
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-number]");
        await State(page, "已批准");
        await page.FillAsync("[data-testid=permit-wind]", "3");
        await StepAsync(page, "Started", "作业中");
        (await page.Locator("[data-testid=permit-act-Submitted]").CountAsync()).ShouldBe(0, "only what the state allows");

        await page.ClickAsync("[data-testid=permit-act-Suspended]");
        await State(page, "已暂停");
        (await page.Locator(".mud-message-box").CountAsync()).ShouldBe(0, "suspending takes one tap");
        await StepAsync(page, "Resumed", "作业中");
        await StepAsync(page, "Finished", "待验收");
        await StepAsync(page, "Accepted", "已关闭");
        (await page.Locator("[data-testid=permit-actions]").CountAsync()).ShouldBe(0);
        (await page.Locator("[data-testid=permit-event]").Last.GetAttributeAsync("data-action")).ShouldBe("Accepted");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    [Fact]
    public async Task On_a_phone_the_briefing_is_recorded_when_the_work_leader_is_also_the_guardian_GB30871_4_4()
    {
        var (id, _) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", "负责人兼监护人", submit: true, leaderGuards: true);
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/permits/{id}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-briefing]");

        await page.FillAsync("[data-testid=permit-briefing-content]", "动火点周围易燃物已清除");
        await page.ClickAsync("[data-testid=permit-briefing]");

        await page.Locator("[data-testid=permit-measures]", new() { HasText = "已完成安全交底" }).WaitForAsync();
        (await page.Locator("[data-testid=permit-refusal]").CountAsync()).ShouldBe(0);
        await page.Locator("[data-testid=permit-event][data-action=BriefingRecorded]").WaitForAsync();
    }

    [Fact]
    public async Task Cancelling_asks_for_the_reason_first_and_another_enterprise_finds_no_page()
    {
        var (id, _) = await PermitSeed.ApplyHotWorkAsync(browser, browser.Services, browser.Qd1, "demo-qd1-admin", "取消测试的作业票");
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/permits/{id}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=permit-number]");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=permit-act-Cancelled]", "[data-testid=permit-reason-form]");
        await State(page, "草稿");
        await page.ClickAsync("[data-testid=permit-reason-confirm]");
        await page.Locator("[data-testid=permit-refusal]").WaitForAsync();
        await State(page, "草稿");
        await page.FillAsync("[data-testid=permit-reason]", "计划调整");
        await page.ClickAsync("[data-testid=permit-reason-confirm]");
        await State(page, "已取消");
        await page.Locator("[data-testid=permit-event][data-action=Cancelled]", new() { HasText = "计划调整" }).WaitForAsync();

        var stranger = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(stranger, "demo-qd2-admin");
        await stranger.GotoAsync($"/permits/{id}");
        await stranger.WaitForSelectorAsync("[data-testid=not-found]");
        (await stranger.Locator("[data-testid=permit-number]").CountAsync()).ShouldBe(0);
    }

    private static Task State(IPage page, string state) => page.Locator("[data-testid=permit-state]", new() { HasText = state }).WaitForAsync();

    /// <summary>Clicks a step's button, says yes when asked, and waits for the state it leads to.</summary>
    private static async Task StepAsync(IPage page, string action, string state)
    {
        await BrowserFixture.ClickUntilAsync(page, $"[data-testid=permit-act-{action}]", ".mud-message-box");
        await page.Locator(".mud-message-box button", new() { HasText = "是" }).ClickAsync();
        await page.Locator(".mud-message-box").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await State(page, state);
    }

    /// <summary>Types a name into the role's person search and picks it; a pick lost to the search's debounce is made again, as a person would.</summary>
    private static async Task ChooseAsync(IPage page, string role, string name)
    {
        var input = page.Locator($"[data-testid=apply-people-{role}] input").First;
        var chosen = page.Locator($"[data-testid=apply-people-{role}] [data-testid=apply-chosen]", new() { HasText = name });
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(name);
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First.ClickAsync();
            try
            {
                await chosen.First.WaitForAsync(new() { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }
}
