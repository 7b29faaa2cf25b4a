namespace DualPrevention.Web.Positioning;

/// <summary>
/// Where the MQTT broker of positioning ingest is (section <c>Mqtt</c>) and the platform's account on it, which both
/// administers device credentials through the broker's dynamic-security plugin and consumes the fixes (ADR 0036).
/// </summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    /// <summary>Host name or address of the broker; empty leaves positioning ingest over MQTT off.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 1883;

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>How long one administration command may wait for the broker's answer.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool Configured => Host.Length > 0;
}
