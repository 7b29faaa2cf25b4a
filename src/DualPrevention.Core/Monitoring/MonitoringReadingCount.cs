using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// 接入计数: how many readings an enterprise's devices delivered on one Beijing day, accepted and refused by reason, so
/// that nothing is dropped silently (docs/monitoring-ingest.md#what-is-refused). Added to by <see cref="AcceptReadings"/>
/// in one upsert per batch.
/// </summary>
public sealed class MonitoringReadingCount : ITenantOwned
{
    private MonitoringReadingCount()
    {
    }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The Beijing day the readings were received on.</summary>
    public DateOnly Day { get; private set; }

    public long Accepted { get; private set; }

    public long Malformed { get; private set; }

    public long UnknownPoint { get; private set; }

    public long OutOfTime { get; private set; }

    public long OutOfRange { get; private set; }

    /// <summary>UTC; when the last reading of the day, accepted or not, was received.</summary>
    public DateTimeOffset LastReceivedAt { get; private set; }
}
