using DualPrevention.Core.Accounts;
using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.MajorHazards;

/// <summary>
/// 重大危险源辨识分级 on a phone (ADR 0047): the substances of docs/domain/major-hazards.md#81-a-mixed-storage-unit
/// with 70 people entered on the page and graded show S 5.4, R 13.2 and 三级 in the history; the list finds it by
/// level; another enterprise gets neither the list row nor the page; no serious axe violation. The city's bureau reads
/// the source read-only with its enterprise named, another city's bureau finds nothing (ADR 0053).
/// </summary>
public class MajorHazardGradingInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task On_a_phone_the_mixed_storage_unit_of_example_8_1_is_graded_level_3()
    {
        var (id, name) = await NewSourceWithExampleSubstancesAsync();
        var page = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/major-hazards/{id}");
        await page.Locator("[data-testid=mh-never]").WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.Locator("[data-testid=mh-population]").FillAsync("70");
        await page.Locator("[data-testid=mh-population]").PressAsync("Tab");
        await page.ClickAsync("[data-testid=mh-grade]");

        await page.Locator("[data-testid=mh-verdict]", new() { HasText = "三级" }).WaitForAsync();
        (await page.Locator("[data-testid=mh-s]").InnerTextAsync()).ShouldBe("5.4");
        (await page.Locator("[data-testid=mh-r]").InnerTextAsync()).ShouldBe("13.2");
        (await page.Locator("[data-testid=mh-history]").InnerTextAsync()).ShouldContain("GB 18218-2018");
        (await page.Locator("[data-testid=mh-history]").InnerTextAsync()).ShouldContain("青岛企业管理员", customMessage: "计算人 is the person, not the login");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);

        // Checked on a fresh load: the shell's success toast is checked where the shell is.
        await page.GotoAsync($"/major-hazards/{id}");
        await page.Locator("[data-testid=mh-verdict]", new() { HasText = "三级" }).WaitForAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync("/major-hazards");
        await page.Locator("[data-testid=mh-row]").First.WaitForAsync();
        await page.FillAsync("[data-testid=mh-search]", name);
        await page.Locator("[data-testid=mh-search]").PressAsync("Enter");
        await page.Locator("[data-testid=mh-row]", new() { HasText = name }).WaitForAsync();
        (await page.Locator("[data-testid=mh-level]").First.InnerTextAsync()).ShouldContain("三级");
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_substance_missing_from_the_catalogue_is_added_on_the_page_and_graded_by_its_hazard_class()
    {
        var (id, _) = await NewSourceWithExampleSubstancesAsync();
        var substance = $"自配溶剂{Guid.NewGuid():N}"[..12];
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync($"/major-hazards/{id}");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=mh-form]");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await page.Locator("[data-testid=mh-line] button[aria-label='删除']").First.ClickAsync();
        }

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=mh-new-substance]", "[data-testid=chemical-name-zh]");
        await page.FillAsync("[data-testid=chemical-name-zh]", substance);
        await page.ClickAsync("[data-testid=dialog-submit]");
        await page.Locator(".mud-dialog", new() { HasText = "请至少选择一个危险性类别（表2）。" }).WaitForAsync();
        await page.ClickAsync("[data-testid=chemical-classes] .mud-select");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('W5.3')");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("[data-testid=dialog-submit]");

        await page.Locator("[data-testid=mh-line-substance] input").Last.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-testid=mh-line-substance] input").Last).ToHaveValueAsync(substance);
        await page.Locator("[data-testid=mh-line-q]").Last.FillAsync("2000");
        await page.Locator("[data-testid=mh-line-q]").Last.PressAsync("Tab");
        await page.ClickAsync("[data-testid=mh-grade]");

        // W5.3: Q 1000 t and β 1 (Table 2, Table 4); S = 2000 / 1000 = 2, nobody around (α 0.5), R = 1: 四级.
        await page.Locator("[data-testid=mh-verdict]", new() { HasText = "四级" }).WaitForAsync();
        (await page.Locator("[data-testid=mh-latest]").InnerTextAsync()).ShouldContain(substance);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    [Fact]
    public async Task Another_enterprise_sees_neither_the_row_nor_the_page()
    {
        var (id, name) = await NewSourceWithExampleSubstancesAsync();
        var stranger = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(stranger, "demo-qd2-admin");

        await stranger.GotoAsync($"/major-hazards/{id}");
        await stranger.Locator("[data-testid=mh-loading]", new() { HasText = "无权查看" }).WaitForAsync();
        await SearchListAsync(stranger, name);
        await stranger.Locator("[data-testid=mh-empty]", new() { HasText = "没有符合条件的重大危险源" }).WaitForAsync();
    }

    [Fact]
    public async Task On_a_phone_the_city_bureau_reads_the_source_without_a_form_and_another_citys_bureau_finds_nothing()
    {
        var (id, name) = await NewSourceWithExampleSubstancesAsync();
        var qingdao = await browser.NewPageAsync(width: 375, height: 812, bypassCsp: true);
        await BrowserFixture.SignInAsync(qingdao, "qingdao");

        await SearchListAsync(qingdao, name);
        var row = qingdao.Locator("[data-testid=mh-row]", new() { HasText = name });
        await row.WaitForAsync();
        (await qingdao.Locator("[data-testid=mh-enterprise]").First.InnerTextAsync()).ShouldBe("青岛示范石化有限公司");
        (await qingdao.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        (await AxeCheck.SeriousViolationsAsync(qingdao)).ShouldBeEmpty();
        await row.ClickAsync();
        await BrowserFixture.WaitForPageAsync(qingdao, "[data-testid=mh-never]");
        (await qingdao.Locator("[data-testid=mh-form]").CountAsync()).ShouldBe(0);
        (await qingdao.Locator("[data-testid=access-denied]").CountAsync()).ShouldBe(0);
        await qingdao.ClickAsync("[data-testid=mp-duty-link]");
        await BrowserFixture.WaitForPageAsync(qingdao, "[data-testid=md-empty]");

        var weifang = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(weifang, "weifang");
        await weifang.GotoAsync($"/major-hazards/{id}");
        await weifang.Locator("[data-testid=mh-loading]", new() { HasText = "该重大危险源不存在或无权查看" }).WaitForAsync();
        await SearchListAsync(weifang, name);
        await weifang.Locator("[data-testid=mh-empty]", new() { HasText = "没有符合条件的重大危险源" }).WaitForAsync();
    }

    /// <summary>Opens the list and searches it for <paramref name="name"/>.</summary>
    private static async Task SearchListAsync(IPage page, string name)
    {
        await page.GotoAsync("/major-hazards");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=mh-row], [data-testid=mh-empty]");
        await page.FillAsync("[data-testid=mh-search]", name);
        await page.Locator("[data-testid=mh-search]").PressAsync("Enter");
    }

    /// <summary>A new source of demo-qd1 holding Example 1's ammonia 30 t, methanol 800 t and LPG 40 t, nobody around yet.</summary>
    private async Task<(Guid Id, string Name)> NewSourceWithExampleSubstancesAsync()
    {
        var name = $"液氨甲醇罐区{Guid.NewGuid():N}"[..14];
        Guid adminId;
        Dictionary<int, Guid> chemicals;
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            adminId = await db.Users.Where(u => u.UserName == "demo-qd1-admin").Select(u => u.Id).SingleAsync();
            chemicals = await db.HazardousChemicals.Where(c => c.TableRow == 1 || c.TableRow == 65 || c.TableRow == 52).ToDictionaryAsync(c => c.TableRow!.Value, c => c.Id);
        }

        var actor = new Actor(TenantScope.ForEnterprise(browser.Qd1, adminId, "demo-qd1-admin"), new HashSet<string> { Roles.EnterpriseAdmin });
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var id = await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>().HandleAsync(
            actor, new(new MajorHazardSourceDetails($"MH-{Guid.NewGuid():N}"[..20], name, MajorHazardLevel.Level4, null, null, null, null)), default);
        await scope.ServiceProvider.GetRequiredService<DescribeMajorHazardUnit.Handler>().HandleAsync(actor, new(id, MajorHazardUnitType.Storage, 0,
            [new SubstanceLine(chemicals[1], 30m), new SubstanceLine(chemicals[65], 800m), new SubstanceLine(chemicals[52], 40m)]), default);
        return (id, name);
    }
}
