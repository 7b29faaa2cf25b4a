using DualPrevention.Web.Positioning;

namespace DualPrevention.Web.VideoAlarms;

/// <summary>How a job node consumes video alarms from the broker (section <c>VideoAlarms:Ingest</c>; ADR 0046).</summary>
public sealed class VideoAlarmConsumerOptions
{
    public const string Section = "VideoAlarms:Ingest";

    /// <summary>The node's MQTT client id, stable across restarts so its persistent session resumes; empty: <c>dp-video-</c> and the machine name.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The shared-subscription group the job nodes form; each message goes to one member.</summary>
    public string Group { get; set; } = VideoAlarmTopics.DefaultGroup;

    /// <summary>How long the broker keeps a stopped node's session and queued messages.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait before reconnecting after the broker or the database failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many messages a node takes in at once; they are acknowledged in arrival order.</summary>
    public int Concurrency { get; set; } = 8;

    public string ClientIdOrDefault => ClientId.Length > 0 ? ClientId : $"dp-video-{Environment.MachineName}";
}
