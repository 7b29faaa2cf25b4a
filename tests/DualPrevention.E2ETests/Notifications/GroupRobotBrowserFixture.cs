using DualPrevention.Testing;

namespace DualPrevention.E2ETests.Notifications;

/// <summary>
/// The browser fixture whose host knows a local <see cref="GroupRobotListener"/> as both platforms' robot address
/// (<c>Notifications:GroupRobots</c>, ADR 0019), as an on-premises relay would be configured.
/// </summary>
public sealed class GroupRobotBrowserFixture : BrowserFixture
{
    public GroupRobotListener Listener { get; } = new();

    public Uri WeComWebhook => Listener.Url("cgi-bin/webhook/send");

    public Uri DingTalkWebhook => Listener.Url("robot/send");

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Notifications:GroupRobots:WeComWebhook"] = WeComWebhook.AbsoluteUri,
        ["Notifications:GroupRobots:DingTalkWebhook"] = DingTalkWebhook.AbsoluteUri,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Listener.Dispose();
    }
}
