using System.Text.RegularExpressions;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.E2ETests.Risks.MajorHazards;

/// <summary>
/// 包保 in the browser (docs/domain/dual-prevention.md#510-accountability-tasks, ADR 0031): the enterprise admin goes from the
/// list of major hazard sources to a source's 包保 view and finds the three persons with their lists and completion; the
/// operational person signs in and finds the list's checks on the to-do centre.
/// </summary>
public class AccountabilityInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_finds_each_persons_list_and_the_operational_person_finds_the_checks_on_the_to_do_centre()
    {
        await RegisterSourceAsync();
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

    /// <summary>The demo-qd1 trio become the persons of a source whose object has one event.</summary>
    private async Task RegisterSourceAsync()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd1);
        register.AnalysisObject("370211099", "包保罐区").Unit("包保罐组").Event("储罐泄漏", "火灾", l: 3, s: 4).Measure("日常巡检");
        await register.SaveAsync();
        Dictionary<string, Guid> people;
        Guid objectId;
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            people = await db.Users.Where(u => u.UserName!.StartsWith("demo-qd1-")).ToDictionaryAsync(u => u.UserName!, u => u.Id);
            objectId = await db.RiskAnalysisObjects.Where(o => o.HazardCode == "370211099").Select(o => o.Id).SingleAsync();
        }

        var actor = new Actor(TenantScope.ForEnterprise(browser.Qd1, people["demo-qd1-admin"], "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var details = new MajorHazardSourceDetails(
            "370211099", "包保罐区", MajorHazardLevel.Level1, null, people["demo-qd1-principal"], people["demo-qd1-technical"], people["demo-qd1-operator"]);
        var sourceId = await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>().HandleAsync(actor, new(details), default);
        var current = await scope.ServiceProvider.GetRequiredService<GetRiskAnalysisObject.Handler>().HandleAsync(objectId, default);
        await scope.ServiceProvider.GetRequiredService<UpdateRiskAnalysisObject.Handler>()
            .HandleAsync(actor, new(objectId, current.Details with { MajorHazardSourceId = sourceId }), default);
    }
}
