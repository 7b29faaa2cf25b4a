using System.Text.Json.Nodes;
using DualPrevention.Core.Positioning;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// Writes device credentials into the broker through mosquitto's dynamic-security plugin (commands on
/// <c>$CONTROL/dynamic-security/v1</c>, answers on its <c>/response</c>): each credential is a broker client holding
/// its enterprise's role, and that role may publish into <see cref="FixTopics.Of"/>, <see cref="VideoAlarmTopics.Of"/> and
/// <see cref="MonitoringReadingTopics.Of"/> of the enterprise and nowhere else (ADR 0036, ADR 0046, ADR 0050). The broker keeps them in its own file, so the platform needs no shared disk and no reload signal.
/// </summary>
public sealed class BrokerAccounts(IOptions<MqttOptions> options) : IBrokerCredentials
{
    private const string CommandTopic = "$CONTROL/dynamic-security/v1";
    private const string ResponseTopic = CommandTopic + "/response";

    // Answers the plugin gives when the state asked for is already there (mosquitto 2.0 dynamic-security).
    private const string RoleExists = "Role already exists";
    private const string ClientMissing = "Client not found";
    private const string AclExists = "ACL with this topic already exists";

    /// <summary>Creates or replaces the broker client <paramref name="username"/>, allowed to publish fixes, video alarms and monitoring readings of one enterprise only.</summary>
    /// <exception cref="InvalidOperationException">The broker refused a command; the message carries its answer.</exception>
    public Task SetDeviceCredentialAsync(string username, string password, Guid enterpriseId, CancellationToken cancellationToken)
    {
        var role = RoleOf(enterpriseId);
        return RunAsync(
            [
                new JsonObject
                {
                    ["command"] = "createRole",
                    ["rolename"] = role,
                    ["acls"] = new JsonArray(Publish(FixTopics.Of(enterpriseId)), Publish(VideoAlarmTopics.Of(enterpriseId)), Publish(MonitoringReadingTopics.Of(enterpriseId))),
                },
                // A role created before video alarms had their topic gains it; one that has it answers AclExists.
                new JsonObject { ["command"] = "addRoleACL", ["rolename"] = role, ["acltype"] = "publishClientSend", ["topic"] = VideoAlarmTopics.Of(enterpriseId), ["allow"] = true },
                // … and monitoring readings theirs (ADR 0050).
                new JsonObject { ["command"] = "addRoleACL", ["rolename"] = role, ["acltype"] = "publishClientSend", ["topic"] = MonitoringReadingTopics.Of(enterpriseId), ["allow"] = true },
                // Replacing rather than updating also disconnects a device still connected with the old password.
                new JsonObject { ["command"] = "deleteClient", ["username"] = username },
                new JsonObject
                {
                    ["command"] = "createClient",
                    ["username"] = username,
                    ["password"] = password,
                    ["roles"] = new JsonArray(new JsonObject { ["rolename"] = role }),
                },
            ],
            cancellationToken);
    }

    /// <summary>Removes the broker client <paramref name="username"/> (and disconnects it); nothing when it does not exist.</summary>
    public Task RemoveDeviceCredentialAsync(string username, CancellationToken cancellationToken) =>
        RunAsync([new JsonObject { ["command"] = "deleteClient", ["username"] = username }], cancellationToken);

    private static string RoleOf(Guid enterpriseId) => $"enterprise-{enterpriseId:D}";

    private static JsonObject Publish(string topic) => new() { ["acltype"] = "publishClientSend", ["topic"] = topic, ["allow"] = true };

    private async Task RunAsync(JsonObject[] commands, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Configured)
        {
            throw new InvalidOperationException("No MQTT broker is configured (Mqtt:Host).");
        }

        var correlation = Guid.NewGuid().ToString("N");
        foreach (var command in commands)
        {
            command["correlationData"] = correlation;
        }

        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        var answered = new TaskCompletionSource<JsonArray>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            if (JsonNode.Parse(e.ApplicationMessage.ConvertPayloadToString())?["responses"] is JsonArray responses
                && responses.Any(r => (string?)r?["correlationData"] == correlation))
            {
                answered.TrySetResult(responses);
            }

            return Task.CompletedTask;
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.CommandTimeout);
        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(settings.Host, settings.Port)
                .WithCredentials(settings.Username, settings.Password)
                .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                .WithClientId($"dp-admin-{correlation}")
                .Build(),
            timeout.Token);
        await client.SubscribeAsync(ResponseTopic, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token);
        await client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(CommandTopic)
                .WithPayload(new JsonObject { ["commands"] = new JsonArray(commands) }.ToJsonString())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build(),
            timeout.Token);
        var responses = await answered.Task.WaitAsync(timeout.Token);
        await client.DisconnectAsync(cancellationToken: CancellationToken.None);

        var refusals = responses
            .Select(r => (Command: (string?)r?["command"], Error: (string?)r?["error"]))
            .Where(r => r.Error is not null && r.Error != RoleExists && r.Error != ClientMissing && r.Error != AclExists)
            .ToList();
        if (refusals.Count > 0)
        {
            throw new InvalidOperationException(
                "The MQTT broker refused: " + string.Join("; ", refusals.Select(r => $"{r.Command}: {r.Error}")));
        }
    }
}
