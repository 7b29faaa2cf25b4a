using System.Globalization;
using System.Text;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.E2ETests.Accessibility;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Positioning;

/// <summary>
/// 定位数据接入 (ADR 0039) in the browser: an enterprise without fixes sees the empty states; after its devices delivered
/// good and bad fixes it sees them per day and reason and which tags reported, in Chinese, on a desktop and on a phone
/// with no serious axe violation; a regulator sees the counts with the enterprise's name and no tag table.
/// </summary>
public class IngestStatusInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_enterprise_without_fixes_sees_the_empty_states()
    {
        var page = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");

        await page.GotoAsync("/positioning/ingest");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=ingest-days-empty]");

        (await page.Locator("[data-testid=ingest-days-empty]").TextContentAsync())!.ShouldContain("没有收到定位数据");
        await page.Locator("[data-testid=ingest-tags-empty]").WaitForAsync();
        (await page.Locator("[data-testid=nav-positioning-ingest]").CountAsync()).ShouldBe(1);
        (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_enterprise_sees_its_counts_by_reason_and_its_tags_on_a_desktop_and_a_phone_and_a_regulator_only_counts()
    {
        await DeliverAsync(browser.Qd1, "E2E-ING-1", "E2E-ING-2");

        foreach (var (width, height) in new[] { (1280, 900), (375, 812) })
        {
            var page = await browser.NewPageAsync(width, height, bypassCsp: true);
            await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
            await page.GotoAsync("/positioning/ingest");
            await BrowserFixture.WaitForPageAsync(page, "[data-testid=ingest-accepted]");
            await page.Locator(".mud-table-loading").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

            (await page.Locator("[data-testid=ingest-accepted]").First.TextContentAsync())!.Trim().ShouldBe("1");
            (await page.Locator("[data-testid=ingest-refused]").First.TextContentAsync())!.Trim().ShouldBe("2");
            (await page.Locator("[data-testid=ingest-UnknownTag]").First.TextContentAsync())!.Trim().ShouldBe("未知终端 1");
            (await page.Locator("[data-testid=ingest-Malformed]").First.TextContentAsync())!.Trim().ShouldBe("格式错误 1");
            var reporting = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=ingest-tag-serial]:has-text('E2E-ING-1')") });
            var never = page.Locator("tr", new PageLocatorOptions { Has = page.Locator("[data-testid=ingest-tag-serial]:has-text('E2E-ING-2')") });
            (await reporting.Locator("[data-testid=ingest-tag-state]").TextContentAsync())!.ShouldContain("正常上报");
            (await never.Locator("[data-testid=ingest-tag-state]").TextContentAsync())!.ShouldContain("从未上报");
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width + 1);
            (await AxeCheck.SeriousViolationsAsync(page)).ShouldBeEmpty($"{width} px");
            await page.Context.CloseAsync();
        }

        var regulator = await browser.NewPageAsync(bypassCsp: true);
        await BrowserFixture.SignInAsync(regulator, "qingdao");
        await regulator.GotoAsync("/positioning/ingest");
        await BrowserFixture.WaitForPageAsync(regulator, "[data-testid=ingest-accepted]");
        await regulator.Locator("[data-testid=ingest-days-table] td", new PageLocatorOptions { HasText = "青岛" }).First.WaitForAsync();
        (await regulator.Locator("[data-testid=ingest-tags-table]").CountAsync()).ShouldBe(0);
        (await regulator.ContentAsync()).ShouldNotContain("E2E-ING-1");
        (await AxeCheck.SeriousViolationsAsync(regulator)).ShouldBeEmpty();
    }

    /// <summary>Registers the tags and delivers one good fix of the first, one of an unknown tag and one malformed fix, as the consumer would.</summary>
    private async Task DeliverAsync(Guid enterpriseId, params string[] serials)
    {
        await using (var db = browser.OwnerContext(TenantScope.System))
        {
            var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
            db.AddRange(serials.Select(s => PositioningTag.Register(enterpriseId, region, s, TagKind.Badge, DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
        }

        var time = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        var payload = $$"""[{"tag":"{{serials[0]}}","time":"{{time}}","x":1,"y":1},{"tag":"E2E-NOBODY","time":"{{time}}","x":1,"y":1},{"tag":"{{serials[0]}}"}]""";
        await using var scope = browser.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
            .HandleAsync([new AcceptFixes.Delivery(enterpriseId, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), DateTimeOffset.UtcNow))], CancellationToken.None);
    }
}
