namespace DualPrevention.Web.Positioning;

/// <summary>
/// The MQTT topics monitoring readings travel on: <c>monitoring/{enterprise id}/readings</c>, one per enterprise, so the
/// broker grants a device credential its own enterprise's topic only and the consumer reads the enterprise back from the
/// topic (ADR 0036, ADR 0050). Kept with the broker accounts that grant them, beside the fixes' and video alarms' topics.
/// </summary>
public static class MonitoringReadingTopics
{
    private const string Prefix = "monitoring/";
    private const string Suffix = "/readings";

    /// <summary>The share group of the job nodes' reading consumers, apart from the other groups.</summary>
    public const string DefaultGroup = "dp-monitoring";

    /// <summary>The shared filter of a group: every enterprise's readings, each message to one member of the group.</summary>
    public static string SharedSubscriptionOf(string group) => $"$share/{group}/monitoring/+/readings";

    public static string Of(Guid enterpriseId) => $"{Prefix}{enterpriseId:D}{Suffix}";

    /// <summary>The enterprise a topic belongs to, or null when the topic is not a readings topic.</summary>
    public static Guid? EnterpriseOf(string topic) => EnterpriseTopic.EnterpriseOf(topic, Prefix, Suffix);
}
