using System.Globalization;
using System.Text;
using System.Text.Json;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DualPrevention.IntegrationTests.Notifications;

/// <summary>
/// WeCom and DingTalk group robots against a local listener that checks what each platform checks (ADR 0019): the
/// message format, WeCom's key in the URL, DingTalk's timestamp and signature, and answers as they answer.
/// </summary>
public sealed class GroupRobotTests : IDisposable
{
    private const string Secret = GroupRobotListener.Secret;

    private static readonly GroupRobotMessage Message = new(
        "重大隐患已登记", "青岛石化：重大隐患「储罐区防火堤破损」，整改期限 2027-01-31。", "https://aqsc.example.gov.cn/hidden-dangers/42", "查看详情");

    private readonly GroupRobotListener _listener = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_DingTalk_signature_is_the_documented_one()
    {
        // Computed independently (Python hmac/base64 as the DingTalk documentation's sample does).
        DingTalkRobot.Sign(1577262236757, Secret).ShouldBe("J2qBKLynGZv5uMXAkGgdbSkX8S8Dbkqw1VOS3Ie+DF0=");
        DingTalkRobot.SignedUrl(new Uri("https://oapi.dingtalk.com/robot/send?access_token=abc"), Secret, DateTimeOffset.FromUnixTimeMilliseconds(1577262236757))
            .AbsoluteUri.ShouldBe("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757&sign=J2qBKLynGZv5uMXAkGgdbSkX8S8Dbkqw1VOS3Ie%2BDF0%3D");
    }

    [Fact]
    public async Task A_WeCom_robot_receives_a_markdown_message_at_its_keyed_url()
    {
        await Poster().PostAsync(GroupRobotKind.WeCom, _listener.Url("cgi-bin/webhook/send?key=693a91f6-7xxx"), null, Message, CancellationToken.None);

        var request = _listener.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/cgi-bin/webhook/send");
        request.Query["key"].ShouldBe("693a91f6-7xxx");
        request.ContentType.ShouldStartWith("application/json");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("msgtype").GetString().ShouldBe("markdown");
        var content = body.GetProperty("markdown").GetProperty("content").GetString()!;
        content.ShouldStartWith("### 重大隐患已登记\n\n青岛石化");
        content.ShouldEndWith("[查看详情](https://aqsc.example.gov.cn/hidden-dangers/42)");
    }

    [Fact]
    public async Task A_DingTalk_robot_receives_a_markdown_message_with_a_valid_signature_of_the_current_time()
    {
        await Poster().PostAsync(GroupRobotKind.DingTalk, _listener.Url("robot/send?access_token=abc"), Secret, Message, CancellationToken.None);

        var request = _listener.Requests.ShouldHaveSingleItem();
        request.Query["access_token"].ShouldBe("abc");
        request.Query["timestamp"].ShouldBe(_clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        request.SignatureValid.ShouldBeTrue();
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("msgtype").GetString().ShouldBe("markdown");
        body.GetProperty("markdown").GetProperty("title").GetString().ShouldBe("重大隐患已登记");
        body.GetProperty("markdown").GetProperty("text").GetString()!.ShouldContain("[查看详情](https://aqsc.example.gov.cn/hidden-dangers/42)");
    }

    [Fact]
    public async Task A_robots_refusal_answered_with_HTTP_200_is_a_failure_with_its_errcode()
    {
        var refusal = await Should.ThrowAsync<GroupRobotRefusedException>(
            () => Poster().PostAsync(GroupRobotKind.DingTalk, _listener.Url("robot/send?access_token=abc"), "SECanother secret", Message, CancellationToken.None));

        refusal.ErrorCode.ShouldBe(310000);
        refusal.Message.ShouldContain("sign not match");
    }

    [Fact]
    public void A_long_message_is_cut_to_WeComs_4096_bytes_without_splitting_a_character()
    {
        var content = WeComRobot.Payload(Message with { Body = new string('隐', 3000) })["markdown"]!["content"]!.GetValue<string>();

        Encoding.UTF8.GetByteCount(content).ShouldBeLessThanOrEqualTo(WeComRobot.MaxContentBytes);
        content.ShouldEndWith("隐");
    }

    public void Dispose() => _listener.Dispose();

    private GroupRobotPoster Poster() => new(new HttpClient { Timeout = TimeSpan.FromSeconds(5) }, _clock);
}
