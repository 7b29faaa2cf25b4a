namespace DualPrevention.Web.Positioning;

/// <summary>
/// The MQTT topics video alarms travel on: <c>video/{enterprise id}/alarms</c>, one per enterprise, so the broker grants
/// a device credential its own enterprise's topic only and the consumer reads the enterprise back from the topic
/// (ADR 0036, ADR 0046). Kept with the broker accounts that grant them, beside the fixes' topics.
/// </summary>
public static class VideoAlarmTopics
{
    private const string Prefix = "video/";
    private const string Suffix = "/alarms";

    /// <summary>The share group of the job nodes' video alarm consumers, apart from the fixes' group.</summary>
    public const string DefaultGroup = "dp-video";

    /// <summary>The shared filter of a group: every enterprise's alarms, each message to one member of the group.</summary>
    public static string SharedSubscriptionOf(string group) => $"$share/{group}/video/+/alarms";

    public static string Of(Guid enterpriseId) => $"{Prefix}{enterpriseId:D}{Suffix}";

    /// <summary>The enterprise a topic belongs to, or null when the topic is not a video alarms topic.</summary>
    public static Guid? EnterpriseOf(string topic) => EnterpriseTopic.EnterpriseOf(topic, Prefix, Suffix);
}
