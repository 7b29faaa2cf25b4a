namespace DualPrevention.Web.Positioning;

/// <summary>How a job node consumes fixes from the broker (section <c>Positioning:Ingest</c>; ADR 0038).</summary>
public sealed class FixConsumerOptions
{
    public const string Section = "Positioning:Ingest";

    /// <summary>
    /// The node's MQTT client id, stable across restarts so that its persistent session (and the QoS 1 messages it
    /// had not acknowledged) is resumed; empty: <c>dp-ingest-</c> and the machine name.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>The shared-subscription group the job nodes form; each message goes to one member.</summary>
    public string Group { get; set; } = FixTopics.DefaultGroup;

    /// <summary>Most messages stored in one transaction; more messages waiting are stored in the next one.</summary>
    public int MaxMessagesPerBatch { get; set; } = 200;

    /// <summary>
    /// Batches stored at once, each in its own transaction on its own connection; they are thinned, announced and
    /// acknowledged in the order they were taken (ADR 0038). Two keep a COPY running while the other batch locks and
    /// commits; more gained nothing on two cores.
    /// </summary>
    public int StoreConcurrency { get; set; } = 2;

    /// <summary>How long the broker keeps a stopped node's session and queued messages.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long to wait before reconnecting after the broker or the database failed.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string ClientIdOrDefault => ClientId.Length > 0 ? ClientId : $"dp-ingest-{Environment.MachineName}";
}
