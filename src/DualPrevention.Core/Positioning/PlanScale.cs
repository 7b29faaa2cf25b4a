namespace DualPrevention.Core.Positioning;

/// <summary>
/// A site plan's origin and scale (ADR 0029): the first reference point is the origin, and the two points' distance
/// in pixels against their real distance in metres gives the scale.
/// </summary>
public sealed record PlanScale(double OriginPixelX, double OriginPixelY, double MetresPerPixel)
{
    /// <summary>The largest scale accepted: one pixel covering 100 m would make a plan of a country.</summary>
    public const double MaxMetresPerPixel = 100;

    /// <summary>The scale from two points picked on the image, (x, y) in pixels, <paramref name="metres"/> apart on the ground.</summary>
    public static PlanScale FromReferencePoints(ReferencePoint first, ReferencePoint second, double metres)
    {
        var pixels = Math.Sqrt(Math.Pow(second.PixelX - first.PixelX, 2) + Math.Pow(second.PixelY - first.PixelY, 2));
        return new PlanScale(first.PixelX, first.PixelY, metres / pixels);
    }
}

/// <summary>A point picked on a plan's image: pixel column from the left edge, pixel row from the top edge.</summary>
public sealed record ReferencePoint(double PixelX, double PixelY);
