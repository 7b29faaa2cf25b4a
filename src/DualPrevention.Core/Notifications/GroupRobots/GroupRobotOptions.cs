namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Where each platform's robots live (section <c>Notifications:GroupRobots</c>): a webhook URL must start with its
/// platform's address followed by its credential parameter. Tests and on-premises gateways (a relay inside a closed
/// network) set other addresses; ADR 0019.
/// </summary>
public sealed class GroupRobotOptions
{
    public const string Section = "Notifications:GroupRobots";

    /// <summary>WeCom's webhook address, before <c>?key=</c>.</summary>
    public string WeComWebhook { get; set; } = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send";

    /// <summary>DingTalk's webhook address, before <c>?access_token=</c>.</summary>
    public string DingTalkWebhook { get; set; } = "https://oapi.dingtalk.com/robot/send";

    /// <summary>Seconds to wait for a robot's answer.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Failures in a row after which whoever added the robot is told.</summary>
    public int FailuresBeforeWarning { get; set; } = 3;

    /// <summary>The address and credential parameter a <paramref name="kind"/> robot's URL starts with.</summary>
    public string Prefix(GroupRobotKind kind) => kind switch
    {
        GroupRobotKind.WeCom => WeComWebhook + "?key=",
        GroupRobotKind.DingTalk => DingTalkWebhook + "?access_token=",
    };
}
