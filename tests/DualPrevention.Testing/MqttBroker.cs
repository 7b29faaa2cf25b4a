using DualPrevention.Web.Positioning;
using MQTTnet;
using MQTTnet.Formatter;

namespace DualPrevention.Testing;

/// <summary>
/// The mosquitto broker the ingest tests publish through: the private one deploy/local/test.sh starts and names in
/// <c>DP_TEST_MQTT_HOST</c>, <c>DP_TEST_MQTT_PORT</c>, <c>DP_TEST_MQTT_USERNAME</c> and <c>DP_TEST_MQTT_PASSWORD</c>
/// (the platform's account), as PostgreSQL is found through <c>DP_TEST_PG_ADMIN</c>. Never an in-process stand-in.
/// </summary>
public static class MqttBroker
{
    /// <summary>The platform's settings for the test broker.</summary>
    /// <exception cref="InvalidOperationException">The variables are not set.</exception>
    public static MqttOptions Options()
    {
        var host = Environment.GetEnvironmentVariable("DP_TEST_MQTT_HOST");
        var port = Environment.GetEnvironmentVariable("DP_TEST_MQTT_PORT");
        if (string.IsNullOrWhiteSpace(host) || !int.TryParse(port, out var number))
        {
            throw new InvalidOperationException(
                "No MQTT broker for tests: DP_TEST_MQTT_HOST and DP_TEST_MQTT_PORT are not set. Run the tests with ./deploy/local/test.sh.");
        }

        return new MqttOptions
        {
            Host = host,
            Port = number,
            Username = Environment.GetEnvironmentVariable("DP_TEST_MQTT_USERNAME") ?? "",
            Password = Environment.GetEnvironmentVariable("DP_TEST_MQTT_PASSWORD") ?? "",
        };
    }

    /// <summary>Connects an MQTT v5 client as <paramref name="username"/>; throws when the broker refuses the connection.</summary>
    public static async Task<IMqttClient> ConnectAsync(string? username, string? password, string? clientId = null, bool cleanStart = true)
    {
        var (client, result) = await TryConnectAsync(username, password, clientId, cleanStart);
        if (result != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"The broker refused {username}: {result}.");
        }

        return client;
    }

    /// <summary>Connects as <paramref name="username"/> and returns the broker's answer, refusals included.</summary>
    public static async Task<(IMqttClient Client, MqttClientConnectResultCode Result)> TryConnectAsync(
        string? username, string? password, string? clientId = null, bool cleanStart = true)
    {
        var settings = Options();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(cleanStart)
            .WithClientId(clientId ?? $"test-{Guid.NewGuid():N}");
        if (username is not null)
        {
            builder.WithCredentials(username, password);
        }

        if (!cleanStart)
        {
            builder.WithSessionExpiryInterval(600);
        }

        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(builder.Build());
        return (client, result.ResultCode);
    }

    /// <summary>Connects as the platform's account.</summary>
    public static Task<IMqttClient> ConnectAsPlatformAsync(string? clientId = null, bool cleanStart = true)
    {
        var settings = Options();
        return ConnectAsync(settings.Username, settings.Password, clientId, cleanStart);
    }
}
