using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index;
using NetTopologySuite.Index.Strtree;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's zones in memory for the fence rules (ADR 0040): outlines as prepared geometries behind an R-tree,
/// so "which zones hold this point?" costs a tree look-up and a few point-in-polygon tests, not a query.
/// </summary>
internal sealed class ZoneIndex
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);
    private readonly STRtree<Fence> _tree = new();

    public ZoneIndex(IEnumerable<Fence> fences)
    {
        foreach (var fence in fences)
        {
            ById[fence.Id] = fence;
            _tree.Insert(fence.Outline.Geometry.EnvelopeInternal, fence);
        }

        _tree.Build();
    }

    public Dictionary<Guid, Fence> ById { get; } = [];

    /// <summary>The zones whose outline holds the point, in plan metres, written into <paramref name="into"/> (cleared first).</summary>
    public void Containing(double x, double y, List<Fence> into)
    {
        into.Clear();
        if (ById.Count == 0)
        {
            return;
        }

        var point = Metres.CreatePoint(new Coordinate(x, y));
        _tree.Query(point.EnvelopeInternal, new ContainsVisitor(point, into));
    }

    /// <summary>The zones whose outline holds the point, in plan metres.</summary>
    public List<Fence> Containing(double x, double y)
    {
        var into = new List<Fence>();
        Containing(x, y, into);
        return into;
    }

    /// <summary>Adds each candidate of the tree's envelope search whose outline holds the point.</summary>
    private sealed class ContainsVisitor(Point point, List<Fence> into) : IItemVisitor<Fence>
    {
        public void VisitItem(Fence item)
        {
            if (item.Outline.Contains(point))
            {
                into.Add(item);
            }
        }
    }

    /// <summary>What the rules read of a <see cref="Zone"/>.</summary>
    internal sealed record Fence(
        Guid Id,
        Guid SitePlanId,
        string Name,
        IPreparedGeometry Outline,
        int? MaxOccupancy,
        int? MinOccupancy,
        PersonTypes AllowedPersonTypes,
        TimeOnly? AllowedFrom,
        TimeOnly? AllowedUntil,
        int? StaticAlarmSeconds,
        int? OverstaySeconds,
        RiskColor RiskColor = RiskColor.Blue,
        bool IsFireExplosionArea = false,
        bool RequiresEscort = false)
    {
        /// <summary>The zone's whitelist (<see cref="ZonePersonRole.Whitelisted"/>).</summary>
        public HashSet<Guid> Whitelisted { get; } = [];

        /// <summary>The people required in the zone during its hours (<see cref="ZonePersonRole.Required"/>).</summary>
        public HashSet<Guid> Required { get; } = [];

        /// <summary>Where gatherings are judged: red and orange zones and fire/explosion areas (docs/domain/positioning.md#3-alarm-types).</summary>
        public bool IsHazardous => RiskColor is RiskColor.Red or RiskColor.Orange || IsFireExplosionArea;

        public static Fence Of(Zone zone) => new(
            zone.Id, zone.SitePlanId, zone.Name, PreparedGeometryFactory.Prepare(zone.Outline), zone.MaxOccupancy, zone.MinOccupancy,
            zone.AllowedPersonTypes, zone.AllowedFrom, zone.AllowedUntil, zone.StaticAlarmSeconds, zone.OverstaySeconds,
            zone.RiskColor, zone.IsFireExplosionArea, zone.RequiresEscort);

        /// <summary>
        /// Whether <paramref name="personId"/>, a person of <paramref name="type"/>, may be here at Beijing time of day
        /// <paramref name="at"/>: their type is allowed or they are on the whitelist, and the hours admit anyone.
        /// </summary>
        public bool Admits(Guid personId, PersonTypes type, TimeOnly at) => ((AllowedPersonTypes & type) != 0 || Whitelisted.Contains(personId)) && WithinHours(at);

        /// <summary>Whether the zone's hours (all day when it has none) include Beijing time of day <paramref name="at"/>.</summary>
        public bool WithinHours(TimeOnly at) => (AllowedFrom, AllowedUntil) switch
        {
            ({ } from, { } until) when from <= until => at >= from && at < until,
            ({ } from, { } until) => at >= from || at < until,
            _ => true,
        };
    }
}
