using DualPrevention.Core.Risks;
using DualPrevention.Testing;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Risks.Register;

public class RiskNotificationCardInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_units_card_on_a_phone_shows_the_level_band_and_a_QR_code_and_prints_without_the_app_chrome()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd1);
        register
            .AnalysisObject("370211001", "液化烃球罐区（一级重大危险源）", department: "储运车间", liablePerson: "李工01")
            .Unit("1#丁烯球罐（2000m³）", emergencyPhone: "0532-86661119", emergencyMeasures: "立即关闭球罐根部紧急切断阀")
            .Event("球罐超压导致安全阀起跳、丁烯泄漏引发火灾爆炸", "火灾、其他爆炸", l: 3, s: 5)
            .Measure("液位、压力、温度远传监测并设高高报警联锁")
            .Measure("安全阀定期校验并处于投用状态，根部阀全开铅封")
            .Measure(HandBuiltRegister.DailyCheck("球罐区设置固定式可燃气体检测报警仪和水喷淋系统") with { Classify1 = MeasureClassify1.Emergency, Classify2 = "4-1" })
            .Event("脱水作业时冻堵或人员离开导致丁烯随水排出泄漏", "火灾、中毒和窒息", l: 3, s: 4)
            .Measure("脱水作业双阀操作，作业全程有人监护，严禁离人");
        await register.SaveAsync();
        var unitId = register.Units["1#丁烯球罐（2000m³）"];
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd1-inspector");

        await page.GotoAsync("/risk-register/overview");
        await BrowserFixture.ClickUntilAsync(page, "[data-testid=unit-tile][data-level=Significant]", "[data-testid=risk-card]");

        page.Url.ShouldEndWith($"/risk-register/units/{unitId}/card");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=level-band]");
        var band = page.Locator("[data-testid=level-band]");
        (await band.InnerTextAsync()).ShouldContain("风险告知卡");
        (await band.InnerTextAsync()).ShouldContain("较大风险");
        await Assertions.Expect(band).ToHaveCSSAsync("background-color", "rgb(244, 132, 0)");
        var qr = page.Locator("[data-testid=card-qr]");
        (await qr.IsVisibleAsync()).ShouldBeTrue();
        (await qr.EvaluateAsync<int>("img => img.naturalWidth")).ShouldBeGreaterThan(100, "the PNG decoded");
        (await qr.GetAttributeAsync("data-url")).ShouldBe($"{DualPreventionAppFactory.PublicBaseUrl}inspect/units/{unitId}", "the public address, not the browser's");
        (await page.Locator("[data-testid=card-emergency] li").AllInnerTextsAsync()).ShouldBe(["立即关闭球罐根部紧急切断阀", "球罐区设置固定式可燃气体检测报警仪和水喷淋系统"]);
        (await page.Locator("[data-testid=card-emergency-phone]").InnerTextAsync()).ShouldBe("0532-86661119");
        (await page.Locator("[data-testid=card-department]").InnerTextAsync()).ShouldBe("生产部", "the department the unit's measures name, not the object's 储运车间");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-card-phone.png"), FullPage = true });

        await page.SetViewportSizeAsync(794, 1123);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.IsVisibleAsync(".mud-appbar")).ShouldBeFalse("the app bar is not printed");
        (await page.IsVisibleAsync("[data-testid=print-card]")).ShouldBeFalse("nor the print button");
        (await band.IsVisibleAsync()).ShouldBeTrue();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-card-print.png"), FullPage = true });
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Path.GetTempPath(), "dp-card.pdf"), PreferCSSPageSize = true, PrintBackground = true });
    }

    [Fact]
    public async Task An_admin_edits_a_units_emergency_phone_and_measures_and_the_card_shows_them_while_a_bad_phone_is_refused_naming_the_field()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd1);
        register
            .AnalysisObject("370211002", "甲醇罐区")
            .Unit("2#甲醇储罐")
            .Event("储罐泄漏引发火灾", "火灾", l: 2, s: 4)
            .Measure("围堰完好，雨排阀常闭");
        await register.SaveAsync();
        var unitId = register.Units["2#甲醇储罐"];
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/risk-register");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=risk-unit]");

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=risk-unit]:has-text('2#甲醇储罐') [data-testid=unit-menu] button >> nth=0", "[data-testid=edit-unit]");
        await page.ClickAsync("[data-testid=edit-unit]");
        var phone = page.Locator(".mud-dialog [data-testid=field-unit-emergency-phone]");
        await phone.WaitForAsync();
        await phone.FillAsync("火警119");
        await page.FillAsync(".mud-dialog [data-testid=field-unit-emergency-measures]", "关闭罐根部紧急切断阀\n启动罐区水喷淋");
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^应急电话"));

        await phone.FillAsync("0532-86669119");
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.GotoAsync($"/risk-register/units/{unitId}/card");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=risk-card]");
        await Assertions.Expect(page.Locator("[data-testid=card-emergency-phone]")).ToHaveTextAsync("0532-86669119");
        await Assertions.Expect(page.Locator("[data-testid=card-emergency] li")).ToHaveTextAsync(["关闭罐根部紧急切断阀", "启动罐区水喷淋"]);
    }

    [Fact]
    public async Task The_overview_fits_a_phone_with_its_colour_grid_and_downloads_the_register()
    {
        var register = await HandBuiltRegister.ForAsync(browser, browser.Qd2);
        register
            .AnalysisObject("QD2-T1", "成品油罐区")
            .Unit("汽油储罐T-101").Event("储罐溢油引发火灾", "火灾", l: 5, s: 5)
            .Unit("柴油储罐T-102").Event("储罐泄漏", "火灾", l: 3, s: 4)
            .Unit("泵房").Event("机泵机械伤害", "机械伤害", l: 2, s: 3)
            .Unit("消防泵房");
        await register.SaveAsync();
        var page = await browser.NewPageAsync(width: 375, height: 812);
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");

        await page.GotoAsync("/risk-register/overview");
        await page.WaitForSelectorAsync("[data-testid=unit-tile]");

        (await page.Locator("[data-testid=unit-tile]").CountAsync()).ShouldBe(4);
        (await page.Locator("[data-testid=kpi-Major] [data-testid=kpi-events]").InnerTextAsync()).ShouldBe("1");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "dp-overview-phone.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=export-excel]"));
        download.SuggestedFilename.ShouldStartWith("风险分级管控清单_demo-qd2_");
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        (await download.FailureAsync()).ShouldBeNull();
    }
}
