using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 摄像机: a camera an enterprise owns, known to its video platform by its GB/T 28181 device id
/// (docs/domain/video-alarms.md#8-cameras-gbt-28181-device-ids), optionally placed on a site plan; the zone is derived
/// from the position when it lies inside one. Video alarms name the camera as their device. Retired, not deleted:
/// alarms outlive it.
/// </summary>
public sealed class Camera : ITenantOwned, IAudited
{
    public const int NameLength = 100;
    public const int StreamUrlLength = 500;
    public const int VendorLength = 100;

    private Camera()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>20 digits (GB/T 28181-2016 Appendix D), unique within the enterprise.</summary>
    public string DeviceId { get; private set; } = "";

    /// <summary>rtsp(s), http(s) or webrtc URL of the live view.</summary>
    public string StreamUrl { get; private set; } = "";

    public Guid? SitePlanId { get; private set; }

    /// <summary>Where on the site plan, in plan metres (SRID 0, ADR 0029); null when not placed.</summary>
    public Point? Position { get; private set; }

    /// <summary>The zone holding <see cref="Position"/> when the camera was placed, if any.</summary>
    public Guid? ZoneId { get; private set; }

    public string? Vendor { get; private set; }

    /// <summary>Runs video analytics itself or through the platform (AI 摄像机).</summary>
    public bool HasAnalytics { get; private set; }

    /// <summary>UTC; set once the camera is retired (停用).</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsActive => RetiredAt is null;

    public static Camera Register(Guid enterpriseId, string regionCode, CameraDetails details, Guid? zoneId, DateTimeOffset now)
    {
        var camera = new Camera { Id = Guid.CreateVersion7(), EnterpriseId = enterpriseId, RegionCode = regionCode, CreatedAt = now };
        camera.Change(details, zoneId);
        return camera;
    }

    public void Change(CameraDetails details, Guid? zoneId)
    {
        Name = details.Name.Trim();
        DeviceId = details.DeviceId.Trim();
        StreamUrl = details.StreamUrl.Trim();
        SitePlanId = details.SitePlanId;
        Position = details.SitePlanId is not null && details.X is { } x && details.Y is { } y ? new Point(x, y) { SRID = 0 } : null;
        ZoneId = Position is null ? null : zoneId;
        Vendor = string.IsNullOrWhiteSpace(details.Vendor) ? null : details.Vendor.Trim();
        HasAnalytics = details.HasAnalytics;
    }

    /// <exception cref="DomainRuleException">Already retired.</exception>
    public void Retire(DateTimeOffset now)
    {
        if (RetiredAt is not null)
        {
            throw new DomainRuleException(Localization.CoreText.Get("Positioning.Camera.AlreadyRetired"));
        }

        RetiredAt = now;
    }

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}

/// <summary>What the registry's dialog edits; X and Y are plan metres and count only with a site plan.</summary>
public sealed record CameraDetails(string Name, string DeviceId, string StreamUrl, Guid? SitePlanId, double? X, double? Y, string? Vendor, bool HasAnalytics);
