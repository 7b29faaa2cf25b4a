using DualPrevention.Core.Auditing;
using DualPrevention.Core.Photos;
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

    /// <summary>False from an upload until two reference points set the scale; zones are drawn only on a scaled plan.</summary>
    public bool IsScaled { get; private set; }

    /// <summary>Where the re-encoded image lives in the file store (ADR 0021); null for a plan made without one.</summary>
    public string? ImageStorageKey { get; private set; }

    /// <summary>The stored image's content type, PNG or JPEG.</summary>
    public string? ImageContentType { get; private set; }

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
        IsScaled = true,
        CreatedAt = now,
    };

    /// <summary>
    /// A plan of an uploaded image, not yet scaled: until two reference points are picked, the origin is the bottom-left
    /// corner and one pixel counts as one metre.
    /// </summary>
    public static SitePlan Upload(Guid enterpriseId, string regionCode, string name, StoredPhoto image, int imageWidth, int imageHeight, DateTimeOffset now)
    {
        var plan = Create(enterpriseId, regionCode, name, imageWidth, imageHeight, new PlanScale(0, imageHeight, 1), now);
        plan.IsScaled = false;
        plan.ImageStorageKey = image.StorageKey;
        plan.ImageContentType = image.ContentType;
        return plan;
    }

    public void Rename(string name) => Name = name.Trim();

    public void SetScale(PlanScale scale)
    {
        OriginPixelX = scale.OriginPixelX;
        OriginPixelY = scale.OriginPixelY;
        MetresPerPixel = scale.MetresPerPixel;
        IsScaled = true;
    }

    /// <summary>Where pixel (<paramref name="column"/>, <paramref name="row"/>) lies in the plan's metres.</summary>
    public (double X, double Y) ToMetres(double column, double row) =>
        ((column - OriginPixelX) * MetresPerPixel, (OriginPixelY - row) * MetresPerPixel);

    /// <summary>Where a point of the plan's metres lies on the image: pixel column and row.</summary>
    public (double Column, double Row) ToPixels(double x, double y) =>
        ((x / MetresPerPixel) + OriginPixelX, OriginPixelY - (y / MetresPerPixel));

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}
