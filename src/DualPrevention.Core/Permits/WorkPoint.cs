using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Permits;

/// <summary>A point on a site plan, in the plan's metres (SRID 0, ADR 0029).</summary>
public sealed record PlanCoordinate(double X, double Y);

/// <summary>
/// 作业点 and 作业围栏 as an applicant enters them: the work point on one of the enterprise's site plans, in plan metres,
/// and the work fence around it, either a circle of <paramref name="FenceRadiusMeters"/> or the polygon of
/// <paramref name="FenceCorners"/> (docs/domain/special-operations.md#11-the-permit-record: work point and work fence;
/// the distance rules of docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions measure from the point).
/// </summary>
public sealed record WorkPointEntry(Guid SitePlanId, double X, double Y, double? FenceRadiusMeters = null, IReadOnlyList<PlanCoordinate>? FenceCorners = null)
{
    /// <summary>The smallest and largest circular fence, in metres: a person's reach to a plant's cordon.</summary>
    public const double MinFenceRadiusMeters = 1;

    public const double MaxFenceRadiusMeters = 500;

    /// <summary>Most corners of a drawn fence.</summary>
    public const int MaxFenceCorners = 100;

    /// <summary>Plan metres a coordinate may reach: the largest plant's plan with room to spare.</summary>
    public const double MaxCoordinateMeters = 100_000;

    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    /// <summary>The work point as a geometry in plan metres.</summary>
    public Point Point() => Metres.CreatePoint(new Coordinate(X, Y));

    /// <summary>The work fence as a polygon in plan metres: the circle (32 segments) or the drawn ring, closed.</summary>
    public Polygon Fence()
    {
        if (FenceRadiusMeters is { } radius)
        {
            return (Polygon)Point().Buffer(radius, 8);
        }

        var ring = (FenceCorners ?? []).Select(c => new Coordinate(c.X, c.Y)).ToList();
        if (ring.Count > 0 && !ring[0].Equals2D(ring[^1]))
        {
            ring.Add(ring[0].Copy());
        }

        return ring.Count >= 4 ? Metres.CreatePolygon([.. ring]) : Polygon.Empty;
    }
}
