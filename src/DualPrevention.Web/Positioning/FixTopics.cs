namespace DualPrevention.Web.Positioning;

/// <summary>
/// The MQTT topics fixes travel on: <c>positioning/{enterprise id}/fixes</c>, one per enterprise, so that the broker
/// can grant a device credential its own enterprise's topic only and the consumer can read the enterprise back from
/// the topic (ADR 0036).
/// </summary>
public static class FixTopics
{
    private const string Prefix = "positioning/";
    private const string Suffix = "/fixes";

    /// <summary>The share group of the job nodes' consumers.</summary>
    public const string DefaultGroup = "dp-ingest";

    /// <summary>The filter the job nodes share: every enterprise's fixes, each message to one member of the group.</summary>
    public const string SharedSubscription = "$share/" + DefaultGroup + "/positioning/+/fixes";

    /// <summary>The shared filter of another group (each group receives every message once).</summary>
    public static string SharedSubscriptionOf(string group) => $"$share/{group}/positioning/+/fixes";

    public static string Of(Guid enterpriseId) => $"{Prefix}{enterpriseId:D}{Suffix}";

    /// <summary>The enterprise a topic belongs to, or null when the topic is not a fixes topic.</summary>
    public static Guid? EnterpriseOf(string topic) => EnterpriseTopic.EnterpriseOf(topic, Prefix, Suffix);
}
