using System.Globalization;
using System.Text;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DualPrevention.Simulator;

/// <summary>
/// Publishes fixes as a device does (docs/positioning-ingest.md): connected with a device credential, MQTT v5, QoS 1,
/// into the enterprise's own topic, arrays of up to <see cref="SimulatorOptions.Batch"/> fixes per message.
/// </summary>
public sealed class FixPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly string _topic;

    private FixPublisher(IMqttClient client, string topic)
    {
        _client = client;
        _topic = topic;
    }

    /// <exception cref="SimulatorException">The broker refused the connection.</exception>
    public static async Task<FixPublisher> ConnectAsync(string host, int port, PlatformApi.Credential credential, CancellationToken cancellationToken)
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

        return new FixPublisher(client, credential.Topic);
    }

    /// <summary>Publishes <paramref name="fixes"/> in messages of at most <paramref name="batch"/>; waits for each acknowledgement.</summary>
    /// <exception cref="SimulatorException">The broker did not accept a message (e.g. the credential was revoked).</exception>
    public async Task PublishAsync(IReadOnlyList<Fix> fixes, int batch, CancellationToken cancellationToken)
    {
        foreach (var chunk in fixes.Chunk(batch))
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(_topic)
                .WithPayload(Encoding.UTF8.GetBytes("[" + string.Join(',', chunk.Select(f => f.ToJson())) + "]"))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var result = await _client.PublishAsync(message, cancellationToken);
            if (!result.IsSuccess)
            {
                throw new SimulatorException($"The broker did not accept fixes on {_topic}: {result.ReasonCode} {result.ReasonString}");
            }
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
