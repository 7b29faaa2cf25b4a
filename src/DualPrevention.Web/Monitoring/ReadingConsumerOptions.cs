using DualPrevention.Web.Positioning;

namespace DualPrevention.Web.Monitoring;

/// <summary>How a job node consumes monitoring readings from the broker (section <c>Monitoring:Ingest</c>; ADR 0050).</summary>
public sealed class ReadingConsumerOptions
{
    public const string Section = "Monitoring:Ingest";

    /// <summary>The node's MQTT client id, stable across restarts so its persistent session resumes; empty: <c>dp-monitoring-</c> and the machine name.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The shared-subscription group the job nodes form; each message goes to one member.</summary>
    public string Group { get; set; } = MonitoringReadingTopics.DefaultGroup;

    /// <summary>Most messages taken into one transaction.</summary>
    public int MaxMessagesPerBatch { get; set; } = 200;

    /// <summary>How long the broker keeps a stopped node's session and queued messages.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait before reconnecting after the broker or the database failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string ClientIdOrDefault => ClientId.Length > 0 ? ClientId : $"dp-monitoring-{Environment.MachineName}";
}
