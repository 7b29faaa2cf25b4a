using DualPrevention.Core.Positioning;
using DualPrevention.Web.Positioning;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The MQTT broker of positioning ingest (section <c>Mqtt</c>, <see cref="MqttOptions"/>): run.sh and test.sh start a
/// private mosquitto and pass its address and the platform's account (ADR 0036).
/// </summary>
internal static class MqttRegistration
{
    public static WebApplicationBuilder AddMqttBroker(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));
        builder.Services.AddSingleton<BrokerAccounts>();
        builder.Services.AddSingleton<IBrokerCredentials>(provider => provider.GetRequiredService<BrokerAccounts>());
        return builder;
    }
}
