using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 厂区平面图: an enterprise's plan of a plant area or floor, on which its zones are drawn (ADR 0029). The plan's local
/// metric coordinates are metres from its origin, x to the right and y up; the origin and scale come from two
/// reference points picked on the image with their real distance.
/// </summary>
public sealed class SitePlan : ITenantOwned, IAudited
{
    private SitePlan()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>Unique within the enterprise: 一期厂区, 罐区, 办公楼二层.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The image's width in pixels.</summary>
    public int ImageWidth { get; private set; }

    /// <summary>The image's height in pixels.</summary>
    public int ImageHeight { get; private set; }

    /// <summary>The origin's pixel column, from the image's left edge.</summary>
    public double OriginPixelX { get; private set; }

    /// <summary>The origin's pixel row, from the image's top edge.</summary>
    public double OriginPixelY { get; private set; }

    /// <summary>How many metres one pixel spans on the ground.</summary>
    public double MetresPerPixel { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>A plan of <paramref name="imageWidth"/> × <paramref name="imageHeight"/> pixels with its scale.</summary>
    public static SitePlan Create(Guid enterpriseId, string regionCode, string name, int imageWidth, int imageHeight, PlanScale scale, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Name = name.Trim(),
        ImageWidth = imageWidth,
        ImageHeight = imageHeight,
        OriginPixelX = scale.OriginPixelX,
        OriginPixelY = scale.OriginPixelY,
        MetresPerPixel = scale.MetresPerPixel,
        CreatedAt = now,
    };

    public void Rename(string name) => Name = name.Trim();

    public void SetScale(PlanScale scale)
    {
        OriginPixelX = scale.OriginPixelX;
        OriginPixelY = scale.OriginPixelY;
        MetresPerPixel = scale.MetresPerPixel;
    }

    /// <summary>Where pixel (<paramref name="column"/>, <paramref name="row"/>) lies in the plan's metres.</summary>
    public (double X, double Y) ToMetres(double column, double row) =>
        ((column - OriginPixelX) * MetresPerPixel, (OriginPixelY - row) * MetresPerPixel);

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
