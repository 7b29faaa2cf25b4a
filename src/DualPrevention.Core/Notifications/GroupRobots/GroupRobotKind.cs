namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>Which chat platform's group robot (群机器人) a message is posted to; ADR 0019.</summary>
public enum GroupRobotKind
{
    /// <summary>企业微信群机器人: <c>https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…</c>.</summary>
    WeCom = 1,

    /// <summary>钉钉自定义机器人 with 加签: <c>https://oapi.dingtalk.com/robot/send?access_token=…</c> plus timestamp and sign.</summary>
    DingTalk = 2,
}
