using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 最新位置: the newest accepted fix of a tag, one row per tag, upserted by <see cref="AcceptFixes"/> (an older fix
/// arriving late never overwrites a newer one). The in-memory copy is <see cref="LatestPositions"/>.
/// </summary>
public sealed class TagPosition : ITenantOwned
{
    private TagPosition()
    {
    }

    public Guid TagId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>Who held the tag when the fix arrived (its open <see cref="TagBinding"/>), if anyone.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>UTC; when the tag was there, by the device's clock.</summary>
    public DateTimeOffset FixedAt { get; private set; }

    /// <summary>Plan metres.</summary>
    public double? X { get; private set; }

    public double? Y { get; private set; }

    public int? Floor { get; private set; }

    /// <summary>WGS 84 degrees.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Metres, as the engine reported.</summary>
    public double? Accuracy { get; private set; }

    /// <summary>Percent.</summary>
    public int? Battery { get; private set; }

    public bool Sos { get; private set; }

    public bool Fall { get; private set; }

    /// <summary>UTC; when the platform accepted the fix.</summary>
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>UTC; the newest point kept in the track (<see cref="PositionSample"/>), which the next fix is thinned against.</summary>
    public DateTimeOffset? TrackedAt { get; private set; }

    public double? TrackedX { get; private set; }

    public double? TrackedY { get; private set; }

    public double? TrackedLatitude { get; private set; }

    public double? TrackedLongitude { get; private set; }
}
