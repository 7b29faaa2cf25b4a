using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DualPrevention.Simulator;

/// <summary>
/// Publishes as a device does (docs/positioning-ingest.md, docs/monitoring-ingest.md): connected with a device
/// credential, MQTT v5, QoS 1, into the enterprise's own topics: fixes in arrays of up to
/// <see cref="SimulatorOptions.Batch"/> per message, readings in one array per round.
/// </summary>
public sealed class DevicePublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string _topic;

    private DevicePublisher(IMqttClient client, string topic)
    {
        _client = client;
        _topic = topic;
    }

    /// <summary>The enterprise's readings topic, beside its fixes topic.</summary>
    public string ReadingsTopic => "monitoring/" + _topic.Split('/')[1] + "/readings";

    /// <exception cref="SimulatorException">The broker refused the connection.</exception>
    public static async Task<DevicePublisher> ConnectAsync(string host, int port, PlatformApi.Credential credential, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithCredentials(credential.Username, credential.Secret)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId($"simulator-{Guid.NewGuid():N}")
                .Build(),
            cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new SimulatorException($"The broker at {host}:{port} refused the device credential: {result.ResultCode} {result.ReasonString}");
        }

        return new DevicePublisher(client, credential.Topic);
    }

    /// <summary>Publishes <paramref name="fixes"/> in messages of at most <paramref name="batch"/>; waits for each acknowledgement.</summary>
    /// <exception cref="SimulatorException">The broker did not accept a message (e.g. the credential was revoked).</exception>
    public async Task PublishAsync(IReadOnlyList<Fix> fixes, int batch, CancellationToken cancellationToken)
    {
        foreach (var chunk in fixes.Chunk(batch))
        {
            await PublishAsync(_topic, "[" + string.Join(',', chunk.Select(f => f.ToJson())) + "]", cancellationToken);
        }
    }

    /// <summary>Publishes one round of <paramref name="readings"/> in one message; waits for the acknowledgement.</summary>
    /// <exception cref="SimulatorException">The broker did not accept the message.</exception>
    public Task PublishAsync(IReadOnlyList<Reading> readings, CancellationToken cancellationToken) =>
        readings.Count == 0 ? Task.CompletedTask : PublishAsync(ReadingsTopic, "[" + string.Join(',', readings.Select(r => r.ToJson())) + "]", cancellationToken);

    private async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(Encoding.UTF8.GetBytes(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new SimulatorException($"The broker did not accept the message on {topic}: {result.ReasonCode} {result.ReasonString}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
    }
}

/// <summary>One fix in the payload's fields (docs/positioning-ingest.md#payload).</summary>
public sealed record Fix(string Tag, DateTimeOffset Time, double X, double Y, int Battery, bool Sos)
{
    public string ToJson() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"tag":"{{Tag}}","time":"{{Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}}Z","x":{{Math.Round(X, 2)}},"y":{{Math.Round(Y, 2)}},"floor":1,"accuracy":0.5,"battery":{{Battery}}{{(Sos ? ",\"sos\":true" : "")}}}""");
}

/// <summary>One reading in the payload's fields (docs/monitoring-ingest.md#payload).</summary>
public sealed record Reading(string Point, DateTimeOffset Time, double Value)
{
    public string ToJson() => string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"point":"{{Point}}","time":"{{Time.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}}Z","value":{{Math.Round(Value, 2)}}}""");
}
