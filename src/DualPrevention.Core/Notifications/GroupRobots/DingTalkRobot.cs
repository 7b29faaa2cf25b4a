using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// The DingTalk custom robot's message and signed URL (钉钉「自定义机器人安全设置」加签 and「消息类型」, ADR 0019):
/// <c>{"msgtype":"markdown","markdown":{"title":…,"text":…}}</c> POSTed to the webhook URL with <c>timestamp</c> (Unix
/// milliseconds, within an hour of DingTalk's clock) and <c>sign</c> = URL-encoded Base64 of HMAC-SHA256 over
/// <c>timestamp + "\n" + secret</c>, keyed with the secret (the <c>SEC…</c> string), all UTF-8.
/// </summary>
public static class DingTalkRobot
{
    /// <summary>The signature of <paramref name="timestampMilliseconds"/> with <paramref name="secret"/>, Base64, not yet URL-encoded.</summary>
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var toSign = string.Create(CultureInfo.InvariantCulture, $"{timestampMilliseconds}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign)));
    }

    /// <summary><paramref name="webhook"/> with <c>timestamp</c> and <c>sign</c> for <paramref name="now"/>; unchanged without a secret.</summary>
    public static Uri SignedUrl(Uri webhook, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return webhook;
        }

        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = webhook.Query.Length > 1 ? "&" : "?";
        return new Uri(string.Create(
            CultureInfo.InvariantCulture,
            $"{webhook.AbsoluteUri}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(timestamp, secret))}"));
    }

    /// <summary>The request body for <paramref name="message"/>: the title shown in the chat list, and the markdown text.</summary>
    public static JsonObject Payload(GroupRobotMessage message) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["title"] = message.Title, ["text"] = message.Markdown() },
    };
}
