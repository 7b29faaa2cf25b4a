using NetTopologySuite.Geometries;

namespace DualPrevention.Simulator;

/// <summary>
/// A site plan as the walkers see it: its extent in plan metres (x to the right, y up from the plan's origin, ADR 0029)
/// and its zones, the red ones (重大风险: red on the four-colour map, or chosen red) apart, since only the scripted
/// visitor walks into those.
/// </summary>
public sealed class SimulatedSite
{
    private const string Red = "Red";

    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    public SimulatedSite(PlatformApi.Plan plan)
    {
        var left = -plan.OriginPixelX * plan.MetresPerPixel;
        var top = plan.OriginPixelY * plan.MetresPerPixel;
        Extent = new Envelope(left, left + plan.ImageWidth * plan.MetresPerPixel, top - plan.ImageHeight * plan.MetresPerPixel, top);
        Zones = [.. plan.Zones.Features.Select(f => (f.Properties.Name, Outline(f.Geometry), IsRed: f.Properties.MapColor == Red || f.Properties.RiskColor == Red))];
        // A red zone closed to visitors first, so the fence rules have an unauthorised entry to raise.
        var red = plan.Zones.Features.Where(f => f.Properties.MapColor == Red || f.Properties.RiskColor == Red)
            .OrderBy(f => ClosedToVisitors(f.Properties) ? 0 : 1).ThenBy(f => f.Properties.MapColor == Red ? 0 : 1).FirstOrDefault();
        RedZone = red is null ? null : (red.Properties.Name, Outline(red.Geometry));
    }

    public Envelope Extent { get; }

    public IReadOnlyList<(string Name, Polygon Outline, bool IsRed)> Zones { get; }

    /// <summary>Where the visitor strays: a red zone (on the map or chosen), one closed to visitors first; null when none is red.</summary>
    public (string Name, Polygon Outline)? RedZone { get; }

    /// <summary>A point of the plan outside every red zone (after 100 tries, any point of the plan).</summary>
    public Coordinate OutsideRedZones(Random random)
    {
        for (var i = 0; i < 100; i++)
        {
            var point = Within(Extent, random);
            if (!Zones.Any(z => z.IsRed && z.Outline.Contains(Metres.CreatePoint(point))))
            {
                return point;
            }
        }

        return Within(Extent, random);
    }

    /// <summary>Where the visitor enters: 15 m below the red zone's middle (above it where the plan ends below), so the episode starts within seconds.</summary>
    public Coordinate NearRedZone(Random random)
    {
        if (RedZone is not { } red)
        {
            return OutsideRedZones(random);
        }

        var box = red.Outline.EnvelopeInternal;
        var below = new Coordinate(box.Centre.X, box.MinY - 15);
        return Extent.Contains(below) ? below : new Coordinate(box.Centre.X, Math.Min(box.MaxY + 15, Extent.MaxY));
    }

    /// <summary>A point inside <paramref name="zone"/> (after 100 tries, its centre).</summary>
    public static Coordinate Inside(Polygon zone, Random random)
    {
        for (var i = 0; i < 100; i++)
        {
            var point = Within(zone.EnvelopeInternal, random);
            if (zone.Contains(Metres.CreatePoint(point)))
            {
                return point;
            }
        }

        return zone.Centroid.Coordinate;
    }

    private static Coordinate Within(Envelope box, Random random) =>
        new(box.MinX + random.NextDouble() * box.Width, box.MinY + random.NextDouble() * box.Height);

    // PersonTypes flags travel as their names ("Employee, Contractor, Driver").
    private static bool ClosedToVisitors(PlatformApi.ZoneProperties zone) =>
        !zone.AllowedPersonTypes.Split(',', StringSplitOptions.TrimEntries).Contains("Visitor", StringComparer.Ordinal);

    private static Polygon Outline(PlatformApi.ZoneGeometry geometry)
    {
        var ring = geometry.Coordinates[0].Select(p => new Coordinate(p[0], p[1])).ToList();
        if (!ring[0].Equals2D(ring[^1]))
        {
            ring.Add(ring[0].Copy());
        }

        return Metres.CreatePolygon([.. ring]);
    }
}
