using System.Text.RegularExpressions;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Testing;

namespace DualPrevention.E2ETests.Risks.MajorHazards;

/// <summary>
/// 包保 in the browser (docs/domain/dual-prevention.md#510-accountability-tasks, ADR 0028): the enterprise admin goes from the
/// list of major hazard sources to a source's 包保 view and finds the three persons with their lists and completion; the
/// operational person signs in and finds the list's checks on the to-do centre.
/// </summary>
public class AccountabilityInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_finds_each_persons_list_and_the_operational_person_finds_the_checks_on_the_to_do_centre()
    {
        await InspectionWindows.GenerateAsync(browser, browser.Qd1, atRealTime: true);

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, "demo-qd1-admin");
        await admin.GotoAsync("/major-hazard-sources");
        await BrowserFixture.WaitForPageAsync(admin, "[data-testid=source-accountability]");
        await BrowserFixture.ClickUntilAsync(admin, "[data-testid=source-accountability] >> nth=0", "[data-testid=accountability-role]");
        await BrowserFixture.WaitForInteractiveAsync(admin);

        var roles = admin.Locator("[data-testid=accountability-role]");
        (await roles.CountAsync()).ShouldBe(3);
        var operational = roles.Nth(2);
        var items = AccountabilityTaskList.Of(InspectionTaskType.OperationalResponsible).ToList();
        (await operational.Locator("[data-testid=role-person]").InnerTextAsync()).ShouldNotBe("未指定");
        (await operational.Locator("[data-testid=role-task]").CountAsync()).ShouldBeGreaterThanOrEqualTo(items.Count);
        await operational.Locator("[data-testid=role-task]", new() { HasText = $"{items[6].No}. {items[6].Content}" }).WaitForAsync();
        (await operational.Locator("[data-testid=role-rate]").InnerTextAsync()).ShouldNotBeNullOrWhiteSpace();
        (await roles.Nth(0).Locator("[data-testid=role-task]").CountAsync())
            .ShouldBeGreaterThanOrEqualTo(AccountabilityTaskList.Of(InspectionTaskType.PrincipalResponsible).Count());

        var person = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(person, "demo-qd1-operator");
        await person.GotoAsync("/to-dos");
        await BrowserFixture.WaitForPageAsync(person, "[data-testid=todo-groups]");
        var anyItem = new Regex(string.Join('|', items.Select(i => Regex.Escape(i.Content))));
        await person.Locator("[data-testid=todo-ChecksDue] [data-testid=todo-item]", new() { HasTextRegex = anyItem }).First.WaitForAsync();
    }
}
