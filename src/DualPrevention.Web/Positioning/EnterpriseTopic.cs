namespace DualPrevention.Web.Positioning;

/// <summary>The shape every per-enterprise MQTT topic has, <c>{prefix}{enterprise id}{suffix}</c> (ADR 0036).</summary>
internal static class EnterpriseTopic
{
    /// <summary>The enterprise a topic of this shape names, or null when the topic has another shape.</summary>
    public static Guid? EnterpriseOf(string topic, string prefix, string suffix) =>
        topic.StartsWith(prefix, StringComparison.Ordinal) && topic.EndsWith(suffix, StringComparison.Ordinal)
            && Guid.TryParseExact(topic[prefix.Length..^suffix.Length], "D", out var id)
            ? id
            : null;
}
