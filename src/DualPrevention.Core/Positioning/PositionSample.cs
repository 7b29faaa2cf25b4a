using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 轨迹点: one kept point of a tag's thinned track (<see cref="TrackOptions"/>), in the table <c>position_sample</c>
/// partitioned by Beijing day (ADR 0038). The migration makes the table and its partitions are made and dropped by
/// <see cref="MaintainTrackPartitions"/>; EF only reads it. A fix is stored once: the key is the tag and the instant.
/// </summary>
public sealed class PositionSample : ITenantOwned
{
    private PositionSample()
    {
    }

    public Guid TagId { get; private set; }

    /// <summary>UTC; the partition key.</summary>
    public DateTimeOffset FixedAt { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid? PersonId { get; private set; }

    public double? X { get; private set; }

    public double? Y { get; private set; }

    public int? Floor { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public double? Accuracy { get; private set; }

    public int? Battery { get; private set; }

    public bool Sos { get; private set; }

    public bool Fall { get; private set; }
}
