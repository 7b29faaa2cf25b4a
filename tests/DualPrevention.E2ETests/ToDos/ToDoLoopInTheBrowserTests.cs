using DualPrevention.E2ETests.HiddenDangers;
using DualPrevention.Testing;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.ToDos;

/// <summary>
/// No dead ends between inspection and remediation: an inspector on a phone finds 存在隐患 and submits the draft; the
/// confirmer is notified and finds it in the to-do centre; each later step (confirm, rectify, accept) starts from the
/// to-do centre of whoever acts next (docs/domain/dual-prevention.md#64-life-cycle).
/// </summary>
public class ToDoLoopInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Name = "甲醇储罐呼吸阀锈死";

    [Fact]
    public async Task An_inspectors_finding_walks_from_the_phone_through_confirmation_rectification_and_acceptance_each_step_from_the_to_do_centre()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd1);
        register.AnalysisObject("370211010", "甲醇罐区").Unit("3#甲醇储罐").Event("储罐超压破裂", "容器爆炸", l: 3, s: 4).Measure("呼吸阀动作灵活");
        await register.SaveAsync();
        var unitId = register.Units["3#甲醇储罐"];
        await InspectionWindows.GenerateAsync(browser, browser.Qd1, atRealTime: true);

        // The inspector, on a phone, checks the unit and finds a hidden danger; the draft goes to 待确认 from the phone.
        var inspector = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(inspector, "demo-qd1-inspector");
        await inspector.GotoAsync("/to-dos");
        await inspector.Locator("[data-testid=todo-groups], [data-testid=todo-empty]").First.WaitForAsync();
        await inspector.GotoAsync($"/inspect/units/{unitId}");
        await BrowserFixture.ClickUntilAsync(inspector, "[data-testid=due-task]:has-text('呼吸阀动作灵活') [data-testid=check-task]", "[data-testid=check-form]");
        await inspector.ClickAsync("[data-testid=result-hidden-danger]");
        await inspector.FillAsync("[data-testid=note]", Name);
        await inspector.ClickAsync("[data-testid=submit-check]");
        await inspector.WaitForURLAsync(url => url.Contains("/hidden-dangers/drafts/", StringComparison.Ordinal));
        await BrowserFixture.ClickUntilAsync(inspector, "[data-testid=draft-submit]", "[data-testid=todo-groups], [data-testid=todo-empty]");
        (await inspector.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // The confirmer was told, and the item waits in the to-do centre under 待确认.
        var admin = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(admin, "demo-qd1-admin");
        await admin.GotoAsync("/notifications");
        await admin.Locator("[data-testid=notification-table] tr", new() { HasText = "新隐患待确认" }).Filter(new() { HasText = Name }).First.WaitForAsync();
        await OpenFromToDosAsync(admin, "ToConfirm");
        await BrowserFixture.ClickUntilAsync(admin, "[data-testid=action-Confirm]", ".mud-dialog");
        await HiddenDangerLoopInTheBrowserTests.ConfirmWithRectifierAsync(admin, "巡检员");
        await HiddenDangerLoopInTheBrowserTests.StateAsync(admin, "整改中");

        await OpenFromToDosAsync(inspector, "ToRectify");
        await HiddenDangerLoopInTheBrowserTests.StateAsync(inspector, "整改中");
        await HiddenDangerLoopInTheBrowserTests.UploadAfterPhotoAsync(inspector);
        await BrowserFixture.ClickUntilAsync(inspector, "[data-testid=action-SubmitRectification]", ".mud-dialog");
        await inspector.FillAsync(".mud-dialog [data-testid=field-text]", "已更换呼吸阀并试验合格");
        await HiddenDangerLoopInTheBrowserTests.SubmitAsync(inspector);
        await HiddenDangerLoopInTheBrowserTests.StateAsync(inspector, "待验收");

        await OpenFromToDosAsync(admin, "ToAccept");
        await BrowserFixture.ClickUntilAsync(admin, "[data-testid=action-Accept]", ".mud-dialog");
        await admin.FillAsync(".mud-dialog [data-testid=field-text]", "呼吸阀动作正常，验收合格");
        await HiddenDangerLoopInTheBrowserTests.SubmitAsync(admin);
        await HiddenDangerLoopInTheBrowserTests.StateAsync(admin, "已验收");

        await admin.GotoAsync("/to-dos");
        await admin.Locator("[data-testid=todo-groups], [data-testid=todo-empty]").First.WaitForAsync();
        (await admin.Locator("[data-testid=todo-item]", new() { HasText = Name }).CountAsync()).ShouldBe(0);
    }

    /// <summary>Opens the to-do centre and follows the item of <paramref name="kind"/> named <see cref="Name"/> to its page.</summary>
    private static async Task OpenFromToDosAsync(IPage page, string kind)
    {
        await page.GotoAsync("/to-dos");
        var item = page.Locator($"[data-testid=todo-{kind}] [data-testid=todo-item]", new() { HasText = Name });
        await item.WaitForAsync();
        static bool Followed(string url) => url.Contains("/hidden-dangers/", StringComparison.Ordinal) && !url.Contains("/to-dos", StringComparison.Ordinal);
        await item.ClickAsync();
        try
        {
            await page.WaitForURLAsync(Followed, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A click that lands while the page's circuit takes over the server-rendered list is lost (seen once in a
            // suite); a user clicks again, and so does the test. A link that never leads there still fails below.
            await item.ClickAsync();
            await page.WaitForURLAsync(Followed);
        }

        await BrowserFixture.WaitForPageAsync(page, "[data-testid=hidden-danger-state]");
    }
}
