using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Monitoring;
using DualPrevention.Web.Positioning;
using DualPrevention.Web.VideoAlarms;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The MQTT broker of positioning ingest (section <c>Mqtt</c>, <see cref="MqttOptions"/>): run.sh and test.sh start a
/// private mosquitto and pass its address and the platform's account (ADR 0036). Job nodes (<see cref="NodeOptions.Jobs"/>)
/// with a broker run the <see cref="FixConsumer"/> (ADR 0038), whose fence rules read <see cref="FenceOptions"/> (ADR 0040), and the
/// <see cref="VideoAlarmConsumer"/> (ADR 0046) and the <see cref="ReadingConsumer"/> (ADR 0050). The HTTP batch
/// endpoint's device authentication and rate limit are registered here too (ADR 0039).
/// </summary>
internal static class MqttRegistration
{
    public static WebApplicationBuilder AddMqttBroker(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));
        builder.Services.AddSingleton<BrokerAccounts>();
        builder.Services.AddSingleton<IBrokerCredentials>(provider => provider.GetRequiredService<BrokerAccounts>());
        builder.Services.Configure<TrackOptions>(builder.Configuration.GetSection(TrackOptions.Section));
        builder.Services.AddOptions<FenceOptions>().Bind(builder.Configuration.GetSection(FenceOptions.Section))
            .Validate(o => o.Problems().Count == 0, "Positioning:Fences is out of range: DebounceSeconds 1…600, StillRadiusMetres 0.1…50, OfflineMinutes 1…1440, LowBatteryPercent 1…90, LeftZoneMinutes 1…240, GatheringPersons 2…100, GatheringRadiusMetres 0.5…100, EscortMetres 1…500, ZoneRefreshSeconds 1…3600.")
            .ValidateOnStart();
        builder.Services.AddOptions<FixConsumerOptions>().Bind(builder.Configuration.GetSection(FixConsumerOptions.Section))
            .Validate(o => o.MaxMessagesPerBatch is >= 1 and <= 10_000 && o.StoreConcurrency is >= 1 and <= 8, "Positioning:Ingest is out of range: MaxMessagesPerBatch 1…10000, StoreConcurrency 1…8.")
            .ValidateOnStart();
        builder.Services.Configure<VideoAlarmConsumerOptions>(builder.Configuration.GetSection(VideoAlarmConsumerOptions.Section));
        builder.Services.Configure<ReadingConsumerOptions>(builder.Configuration.GetSection(ReadingConsumerOptions.Section));
        builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection(MonitoringOptions.Section));
        builder.Services.Configure<FixBatchOptions>(builder.Configuration.GetSection(FixBatchOptions.Section));
        builder.Services.AddAuthentication()
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DeviceAuthentication>(DeviceAuthentication.SchemeName, null);
        builder.Services.AddRateLimiter(options => options.AddPolicy<string, FixBatchRateLimit>(FixBatchRateLimit.Name));
        var broker = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        var node = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        if (broker.Configured && node.Jobs)
        {
            builder.Services.AddHostedService<FixConsumer>();
            builder.Services.AddHostedService<VideoAlarmConsumer>();
            builder.Services.AddHostedService<ReadingConsumer>();
        }
        return builder;
    }
}
