using System.Text.Json.Nodes;
using DualPrevention.Testing;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Notifications;

/// <summary>
/// An enterprise administrator manages the group robots on /group-robots (ADR 0019): adds a WeCom and a signed DingTalk
/// robot whose webhooks are the configured addresses (here a local listener), sends each a test message from the page
/// and the listener receives the platform's JSON and a signature it accepts; a webhook elsewhere is refused in the
/// dialog naming the field; a deletion asks first; on a phone the page does not scroll sideways.
/// </summary>
public class GroupRobotSettingsInTheBrowserTests(GroupRobotBrowserFixture browser) : IClassFixture<GroupRobotBrowserFixture>
{
    private const string WeComName = "储运车间安全群";

    private const string DingTalkName = "应急值班钉钉群";

    [Fact]
    public async Task An_admin_adds_a_wecom_and_a_signed_dingtalk_robot_tests_each_from_the_page_and_deletes_one_after_confirming()
    {
        var page = await OpenAsync(1280, 900);

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=add-group-robot]", ".mud-dialog [data-testid=field-name]");
        await page.FillAsync(".mud-dialog [data-testid=field-name]", WeComName);
        await page.FillAsync(".mud-dialog [data-testid=field-webhook]", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx");
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error", new() { HasText = "Webhook 地址" }).First.WaitForAsync();
        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error", new() { HasText = browser.WeComWebhook.AbsoluteUri })).ToHaveCountAsync(1);
        await page.FillAsync(".mud-dialog [data-testid=field-webhook]", $"{browser.WeComWebhook}?key=693a91f6-7a1c");
        await SubmitAsync(page);
        await Assertions.Expect(Row(page, WeComName)).ToHaveCountAsync(1);

        await BrowserFixture.ClickUntilAsync(page, "[data-testid=add-group-robot]", ".mud-dialog [data-testid=field-name]");
        await page.FillAsync(".mud-dialog [data-testid=field-name]", DingTalkName);
        await PickDingTalkAsync(page);
        await page.FillAsync(".mud-dialog [data-testid=field-webhook]", $"{browser.DingTalkWebhook}?access_token=9f2c5e8bd1a7");
        await page.FillAsync(".mud-dialog [data-testid=field-secret]", GroupRobotListener.Secret);
        await SubmitAsync(page);
        await Assertions.Expect(Row(page, DingTalkName)).ToHaveCountAsync(1);
        await Assertions.Expect(Row(page, DingTalkName).Locator("[data-testid=group-robot-webhook]")).ToContainTextAsync("已配置加签");

        var wecom = await TestAsync(page, WeComName);
        wecom.Path.ShouldBe("/cgi-bin/webhook/send");
        wecom.Query["key"].ShouldBe("693a91f6-7a1c");
        wecom.ContentType.ShouldStartWith("application/json");
        var wecomBody = JsonNode.Parse(wecom.Body)!;
        wecomBody["msgtype"]!.GetValue<string>().ShouldBe("markdown");
        wecomBody["markdown"]!["content"]!.GetValue<string>().ShouldContain("测试消息");
        wecomBody["markdown"]!["content"]!.GetValue<string>().ShouldContain(WeComName);

        var dingTalk = await TestAsync(page, DingTalkName);
        dingTalk.Path.ShouldBe("/robot/send");
        dingTalk.Query["access_token"].ShouldBe("9f2c5e8bd1a7");
        dingTalk.SignatureValid.ShouldBeTrue($"timestamp {dingTalk.Query["timestamp"]}, sign {dingTalk.Query["sign"]}");
        var dingTalkBody = JsonNode.Parse(dingTalk.Body)!;
        dingTalkBody["msgtype"]!.GetValue<string>().ShouldBe("markdown");
        dingTalkBody["markdown"]!["title"]!.GetValue<string>().ShouldBe("测试消息");
        dingTalkBody["markdown"]!["text"]!.GetValue<string>().ShouldContain(DingTalkName);

        // Cancelling the confirmation keeps the robot; confirming removes its row.
        await DeleteAsync(page, WeComName, "取消");
        await Assertions.Expect(Row(page, WeComName)).ToHaveCountAsync(1);
        await DeleteAsync(page, WeComName, "删除");
        await Assertions.Expect(Row(page, WeComName)).ToHaveCountAsync(0);
        await Assertions.Expect(Row(page, DingTalkName)).ToHaveCountAsync(1);

        var phone = await OpenAsync(375, 812);
        await Assertions.Expect(Row(phone, DingTalkName)).ToHaveCountAsync(1);
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375);
    }

    private async Task<IPage> OpenAsync(int width, int height)
    {
        var page = await browser.NewPageAsync(width, height);
        await BrowserFixture.SignInAsync(page, "demo-qd1-admin");
        await page.GotoAsync("/group-robots");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=group-robot-table]");
        return page;
    }

    private static ILocator Row(IPage page, string name) =>
        page.Locator("[data-testid=group-robot-table] tbody tr", new() { Has = page.Locator("[data-testid=group-robot-name]", new() { HasText = name }) });

    /// <summary>Picks 钉钉 until the dialog shows the secret field: a pick can land while the popover closes on a busy machine.</summary>
    private static async Task PickDingTalkAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(".mud-dialog [data-testid=field-kind]").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "钉钉" }).First.ClickAsync();
            try
            {
                await page.WaitForSelectorAsync(".mud-dialog [data-testid=field-secret]", new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }

    private static async Task SubmitAsync(IPage page)
    {
        await page.ClickAsync(".mud-dialog [data-testid=dialog-submit]");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Sends the robot's test message from its row, waits for the page to say it was delivered, and returns what the listener received.</summary>
    private async Task<GroupRobotListener.Received> TestAsync(IPage page, string name)
    {
        var before = browser.Listener.Snapshot().Count;
        await Row(page, name).Locator("[data-testid=test-group-robot]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=test-result]")).ToContainTextAsync($"测试消息已送达“{name}”");
        await Assertions.Expect(page.Locator("[data-testid=test-result] [data-testid=test-answer]")).ToContainTextAsync("errcode 0");
        // The page shows the answer only after the listener has recorded and answered the post.
        var received = browser.Listener.Snapshot();
        received.Count.ShouldBe(before + 1);
        return received[^1];
    }

    private static async Task DeleteAsync(IPage page, string name, string answer)
    {
        await Row(page, name).Locator("[data-testid=delete-group-robot]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync($"确定删除机器人“{name}”");
        await page.ClickAsync($".mud-dialog-actions button:has-text('{answer}')");
        await page.Locator(".mud-dialog").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
