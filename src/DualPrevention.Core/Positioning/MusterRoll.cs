using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// The roll of an emergency muster (ADR 0041), taken from the latest positions: every person holding a tag (a binding
/// not returned) is at an assembly point, inside another zone, located between zones, or unknown when the tag has no
/// fix within <see cref="GetLivePositions.FreshFor"/> — nobody is dropped.
/// </summary>
public static class MusterRoll
{
    private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

    /// <summary>Where a person is at the roll.</summary>
    public enum Whereabouts
    {
        AtAssemblyPoint = 1,
        InsideZone = 2,
        BetweenZones = 3,
        Unknown = 4,
    }

    /// <summary>A person on the roll; <see cref="FixedAt"/> is the tag's last fix, however old, null if it never reported.</summary>
    public sealed record Entry(
        Guid PersonId, string Name, PersonTypes Type, string? Company, string TagSerial, DateTimeOffset? FixedAt, Whereabouts Whereabouts, Guid? ZoneId);

    /// <summary>A zone with how many people are inside it, in the colour the four-colour map gives it.</summary>
    public sealed record ZoneCount(Guid ZoneId, Guid SitePlanId, string Name, RiskColor Color, bool IsAssemblyPoint, int Count);

    public sealed record Roll(MusterCounts Counts, IReadOnlyList<ZoneCount> Zones, IReadOnlyList<Entry> Entries);

    internal static async Task<Roll> TakeAsync(DualPreventionDbContext db, Guid enterpriseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zones = await db.Set<Zone>().AsNoTracking().Where(z => z.EnterpriseId == enterpriseId)
            .OrderByDescending(z => z.IsAssemblyPoint).ThenBy(z => z.Name).ToListAsync(cancellationToken);
        var held = await (from b in db.Set<TagBinding>().AsNoTracking()
                          join t in db.Set<PositioningTag>() on b.TagId equals t.Id
                          join p in db.Set<Person>() on b.PersonId equals p.Id
                          join position in db.Set<TagPosition>() on b.TagId equals position.TagId into positions
                          from position in positions.DefaultIfEmpty()
                          where b.EnterpriseId == enterpriseId && b.ReturnedAt == null && b.ValidFrom <= now
                          select new
                          {
                              p.Id,
                              p.Name,
                              p.Type,
                              p.Company,
                              t.Serial,
                              FixedAt = position == null ? (DateTimeOffset?)null : position.FixedAt,
                              X = position == null ? null : position.X,
                              Y = position == null ? null : position.Y,
                          }).ToListAsync(cancellationToken);
        var since = now - GetLivePositions.FreshFor;
        var entries = held.Select(h =>
        {
            if (h.FixedAt is not { } at || at < since || h.X is not { } x || h.Y is not { } y)
            {
                return new Entry(h.Id, h.Name, h.Type, h.Company, h.Serial, h.FixedAt, Whereabouts.Unknown, null);
            }

            // Assembly points first: a person standing where an assembly point overlaps a zone has arrived.
            var point = Metres.CreatePoint(new Coordinate(x, y));
            var zone = zones.FirstOrDefault(z => z.Outline.Contains(point));
            var whereabouts = zone is null ? Whereabouts.BetweenZones : zone.IsAssemblyPoint ? Whereabouts.AtAssemblyPoint : Whereabouts.InsideZone;
            return new Entry(h.Id, h.Name, h.Type, h.Company, h.Serial, at, whereabouts, zone?.Id);
        }).OrderBy(e => e.Name, StringComparer.Ordinal).ThenBy(e => e.TagSerial, StringComparer.Ordinal).ToList();
        var atAssembly = entries.Count(e => e.Whereabouts == Whereabouts.AtAssemblyPoint);
        var unknown = entries.Count(e => e.Whereabouts == Whereabouts.Unknown);
        var counts = new MusterCounts(entries.Count, atAssembly, entries.Count - atAssembly - unknown, unknown);
        var colors = await ZoneMapColors.ReadAsync(db, zones, cancellationToken);
        var zoneCounts = zones.Select(z => new ZoneCount(z.Id, z.SitePlanId, z.Name, colors[z.Id].Color, z.IsAssemblyPoint, entries.Count(e => e.ZoneId == z.Id))).ToList();
        return new Roll(counts, zoneCounts, entries);
    }
}
