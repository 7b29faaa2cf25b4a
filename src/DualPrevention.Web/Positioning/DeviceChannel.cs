namespace DualPrevention.Web.Positioning;

/// <summary>What a device delivers over a channel; each kind has its own topic and endpoint (ADR 0036, ADR 0046, ADR 0050).</summary>
public enum DeviceChannelKind
{
    /// <summary>Positioning fixes (docs/positioning-ingest.md).</summary>
    PositioningFixes = 1,

    /// <summary>Video alarms of AI boxes and video platforms (docs/video-intake.md).</summary>
    VideoAlarms = 2,

    /// <summary>Readings of monitoring points (docs/monitoring-ingest.md).</summary>
    MonitoringReadings = 3,
}

/// <summary>One way a device credential delivers: the MQTT topic it may publish into and the HTTP endpoint it may post to.</summary>
/// <param name="HttpEndpoint">The path under the site's root, e.g. <c>/api/v1/video-alarms</c>.</param>
public sealed record DeviceChannel(DeviceChannelKind Kind, string Topic, string HttpEndpoint)
{
    public const string VideoAlarmPath = "/api/v1/video-alarms";

    public const string MonitoringReadingPath = "/api/v1/monitoring/readings";

    /// <summary>
    /// Every channel a credential of the enterprise may use, as the broker grants its topics (<see cref="BrokerAccounts"/>)
    /// and the endpoints accept its HTTP Basic login (<see cref="DeviceAuthentication"/>).
    /// </summary>
    public static IReadOnlyList<DeviceChannel> Of(Guid enterpriseId) =>
    [
        new(DeviceChannelKind.PositioningFixes, FixTopics.Of(enterpriseId), RegistryEndpoints.FixBatchPath),
        new(DeviceChannelKind.VideoAlarms, VideoAlarmTopics.Of(enterpriseId), VideoAlarmPath),
        new(DeviceChannelKind.MonitoringReadings, MonitoringReadingTopics.Of(enterpriseId), MonitoringReadingPath),
    ];
}
