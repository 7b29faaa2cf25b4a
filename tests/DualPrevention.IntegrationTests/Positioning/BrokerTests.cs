using System.Collections.Concurrent;
using DualPrevention.Testing;
using DualPrevention.Web.Positioning;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The real mosquitto that test.sh starts (ADR 0036): nobody connects without an account, and a device credential the
/// platform writes may publish into its own enterprise's fixes topic only; what the broker refuses never reaches the
/// platform.
/// </summary>
public class BrokerTests
{
    private readonly BrokerAccounts _accounts = new(Options.Create(MqttBroker.Options()));

    [Fact]
    public async Task The_broker_refuses_a_client_without_an_account_or_with_a_wrong_password()
    {
        (await RefusalAsync(null, null)).ShouldNotBe(MqttClientConnectResultCode.Success);
        (await RefusalAsync(MqttBroker.Options().Username, "wrong")).ShouldNotBe(MqttClientConnectResultCode.Success);
    }

    [Fact]
    public async Task A_device_publishes_into_its_own_enterprise_and_the_broker_refuses_another_enterprises_topic()
    {
        var own = Guid.NewGuid();
        var other = Guid.NewGuid();
        var username = $"device-{Guid.NewGuid():N}";
        await _accounts.SetDeviceCredentialAsync(username, "s3cret-device", own, CancellationToken.None);

        var received = new ConcurrentQueue<string>();
        using var platform = await MqttBroker.ConnectAsPlatformAsync();
        platform.ApplicationMessageReceivedAsync += e =>
        {
            if (e.ApplicationMessage.Topic == FixTopics.Of(own) || e.ApplicationMessage.Topic == FixTopics.Of(other))
            {
                received.Enqueue(e.ApplicationMessage.Topic + " " + e.ApplicationMessage.ConvertPayloadToString());
            }

            return Task.CompletedTask;
        };
        // Not the shared subscription: a consumer of another test in the group could take the message.
        await platform.SubscribeAsync("positioning/+/fixes", MqttQualityOfServiceLevel.AtLeastOnce);

        using var device = await MqttBroker.ConnectAsync(username, "s3cret-device");
        var refused = await device.PublishAsync(Fix(FixTopics.Of(other), "foreign"));
        var accepted = await device.PublishAsync(Fix(FixTopics.Of(own), "own"));

        refused.ReasonCode.ShouldBe(MqttClientPublishReasonCode.NotAuthorized);
        accepted.ReasonCode.ShouldBe(MqttClientPublishReasonCode.Success);
        await WaitUntilAsync(() => !received.IsEmpty);
        received.ShouldBe([$"{FixTopics.Of(own)} own"]);
    }

    [Fact]
    public async Task A_removed_credential_no_longer_connects()
    {
        var username = $"device-{Guid.NewGuid():N}";
        await _accounts.SetDeviceCredentialAsync(username, "first-password", Guid.NewGuid(), CancellationToken.None);
        (await MqttBroker.ConnectAsync(username, "first-password")).Dispose();

        await _accounts.SetDeviceCredentialAsync(username, "second-password", Guid.NewGuid(), CancellationToken.None);
        (await RefusalAsync(username, "first-password")).ShouldNotBe(MqttClientConnectResultCode.Success);
        (await MqttBroker.ConnectAsync(username, "second-password")).Dispose();

        await _accounts.RemoveDeviceCredentialAsync(username, CancellationToken.None);
        (await RefusalAsync(username, "second-password")).ShouldNotBe(MqttClientConnectResultCode.Success);
    }

    [Fact]
    public void A_topic_names_its_enterprise_and_nothing_else_does()
    {
        var enterprise = Guid.NewGuid();
        FixTopics.EnterpriseOf(FixTopics.Of(enterprise)).ShouldBe(enterprise);
        FixTopics.EnterpriseOf($"positioning/{enterprise}/other").ShouldBeNull();
        FixTopics.EnterpriseOf("positioning/not-a-guid/fixes").ShouldBeNull();
    }

    private static async Task<MqttClientConnectResultCode> RefusalAsync(string? username, string? password)
    {
        var (client, result) = await MqttBroker.TryConnectAsync(username, password);
        client.Dispose();
        return result;
    }

    private static MqttApplicationMessage Fix(string topic, string payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
