using System.Text.Json.Nodes;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// The WeCom group robot's message (企业微信「群机器人配置说明」, ADR 0019): <c>{"msgtype":"markdown","markdown":{"content":…}}</c>
/// POSTed as UTF-8 JSON to the robot's webhook URL, whose <c>key</c> parameter is the robot's only credential.
/// </summary>
public static class WeComRobot
{
    /// <summary>The longest markdown content WeCom accepts, in UTF-8 bytes.</summary>
    public const int MaxContentBytes = 4096;

    /// <summary>The request body for <paramref name="message"/>: a heading, the body, and a link line when it has one.</summary>
    public static JsonObject Payload(GroupRobotMessage message) => new()
    {
        ["msgtype"] = "markdown",
        ["markdown"] = new JsonObject { ["content"] = GroupRobotMessage.CutToBytes(message.Markdown(), MaxContentBytes) },
    };
}
