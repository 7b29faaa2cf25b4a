using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Inspections;

public class InspectionInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task An_inspector_on_a_phone_checks_a_units_tasks_from_its_QR_page_reports_a_hidden_danger_with_a_photo_and_the_safety_officer_sees_them_done()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd1);
        register.AnalysisObject("370211009", "液化烃球罐区").Unit("2#丙烯球罐").Event("球罐泄漏引发火灾爆炸", "火灾、其他爆炸", l: 3, s: 5)
            .Measure("液位计、压力表完好")
            .Measure("安全阀根部阀全开铅封")
            .Measure("罐体及管线无泄漏");
        await register.SaveAsync();
        var unitId = register.Units["2#丙烯球罐"];
        await InspectionWindows.GenerateAsync(browser, browser.Qd1, atRealTime: true);
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-inspector");

        await page.GotoAsync($"/inspect/units/{unitId}");
        // The prerendered list is replaced when the circuit starts; wait for the live one to hold all three.
        await WaitForTaskCountAsync(page, 3);
        (await page.Locator("[data-testid=unit-name]").InnerTextAsync()).ShouldBe("2#丙烯球罐");

        // Two checks are normal; the first is tapped twice, as a hurried thumb would.
        await CheckAsync(page, "[data-testid=due-task]:has-text('液位计、压力表完好') [data-testid=check-task]");
        (await page.Locator("[data-testid=submit-check]").IsDisabledAsync()).ShouldBeTrue("nothing is chosen yet");
        await page.ClickAsync("[data-testid=result-normal]");
        await page.DblClickAsync("[data-testid=submit-check]");
        await WaitForTaskCountAsync(page, 2);
        await CheckAsync(page, "[data-testid=due-task]:has-text('安全阀根部阀全开铅封') [data-testid=check-task]");
        await page.ClickAsync("[data-testid=result-normal]");
        await page.ClickAsync("[data-testid=submit-check]");
        await WaitForTaskCountAsync(page, 1);

        await CheckAsync(page, "[data-testid=due-task]:has-text('罐体及管线无泄漏') [data-testid=check-task]");
        await page.ClickAsync("[data-testid=result-hidden-danger]");
        await page.FillAsync("[data-testid=note]", "进料管线法兰处轻微渗漏");
        await page.SetInputFilesAsync("[data-testid=photo-input]", new FilePayload { Name = "渗漏.png", MimeType = "image/png", Buffer = TinyPng });
        await page.WaitForSelectorAsync("[data-testid=thumbnail]");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-inspect-form-phone.png"), FullPage = true });
        await page.ClickAsync("[data-testid=submit-check]");

        await page.WaitForURLAsync(url => url.Contains("/hidden-dangers/drafts/", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("[data-testid=draft-photo]");
        (await page.InputValueAsync("[data-testid=draft-description]")).ShouldBe("进料管线法兰处轻微渗漏");
        (await page.InputValueAsync("[data-testid=draft-name]")).ShouldBe("进料管线法兰处轻微渗漏", "the note names what was found");
        (await page.Locator("[data-testid=draft-photo]").EvaluateAsync<int>("img => img.complete ? img.naturalWidth : -1")).ShouldBe(1);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-hidden-danger-draft-phone.png"), FullPage = true });

        var officer = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(officer, "demo-qd1-admin");
        await officer.GotoAsync($"/inspect/units/{unitId}");
        await officer.WaitForSelectorAsync("[data-testid=no-tasks]");

        await using var db = browser.OwnerContext(TenantScope.System);
        var windows = await db.InspectionTasks.Where(t => t.UnitId == unitId && t.WindowStart <= DateTimeOffset.UtcNow).ToListAsync();
        windows.Count.ShouldBe(3);
        windows.ShouldAllBe(t => t.Status == InspectionTaskStatus.Completed);
        var records = await db.InspectionRecords.Where(r => r.UnitId == unitId).ToListAsync();
        records.Count.ShouldBe(3, "the double tap stored one record");
        records.ShouldAllBe(r => !r.IsLate && r.Channel == RecordChannel.MobileWeb && r.CheckedByName == "青岛巡检员");
        var draft = await db.HiddenDangers.SingleAsync(h => h.UnitId == unitId);
        (draft.State, draft.RecordId).ShouldBe((HiddenDangerState.Draft, records.Single(r => r.Result == InspectionResult.HiddenDangerFound).Id));
    }

    /// <summary>Opens a task's form, tapping again if the first tap came before the page was interactive.</summary>
    private static Task CheckAsync(IPage page, string task) => BrowserFixture.ClickUntilAsync(page, task, "[data-testid=check-form]");

    private static async Task WaitForTaskCountAsync(IPage page, int count) =>
        await page.WaitForFunctionAsync("n => !document.querySelector('[data-testid=check-form]') && document.querySelectorAll('[data-testid=due-task]').length === n", count);
}
