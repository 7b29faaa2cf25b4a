using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 实时位置: who is where on a site plan now — every tag heard from within <see cref="FreshFor"/> whose latest fix lies on
/// the plan, with the person holding it and the zone it is in, and each zone's headcount against its limits. Positions
/// are personal data (docs/domain/positioning.md#45-retention-and-privacy): only the enterprise's administrator and
/// safety officers see persons, and each time they do it is written to the audit trail; everyone else in scope
/// (inspectors, regulators) gets the headcounts only.
/// </summary>
public static class GetLivePositions
{
    /// <summary>How old a latest fix may be and still count as present (positioning engines refresh every 1–5 s, docs/domain/positioning.md#41-refresh-and-accuracy).</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);

    /// <param name="Audit">Write the view to the audit trail (a page's first load and every API call; not its refreshes).</param>
    public sealed record Query(Guid SitePlanId, PersonTypes? Type = null, string? Company = null, Guid? ZoneId = null, bool Audit = true);

    /// <summary>A tag on the map; <see cref="PersonName"/> is null for a tag nobody holds.</summary>
    public sealed record Dot(
        Guid TagId, string TagSerial, Guid? PersonId, string? PersonName, PersonTypes? PersonType, string? Company, double X, double Y,
        DateTimeOffset FixedAt, bool Sos, bool Fall, int? Battery, Guid? ZoneId);

    /// <summary>
    /// A zone's people now (all of them, whatever the filters) against its limits, and how many of each person type (tags nobody holds as
    /// <see cref="TypeCounts.Unbound"/>); <see cref="Color"/> is the colour the four-colour map gives the zone.
    /// </summary>
    public sealed record Headcount(Guid ZoneId, string Name, RiskColor Color, int Count, int? MaxOccupancy, int? MinOccupancy, TypeCounts ByType, bool IsAssemblyPoint = false)
    {
        public bool OverCapacity => MaxOccupancy is { } max && Count > max;

        public bool UnderStaffed => MinOccupancy is { } min && Count < min;
    }

    /// <summary>Headcount by person type.</summary>
    public sealed record TypeCounts(int Employee, int Contractor, int Visitor, int Driver, int Unbound)
    {
        internal static TypeCounts Of(IEnumerable<Dot> dots)
        {
            var types = dots.Select(d => d.PersonType).ToList();
            return new(
                types.Count(t => t == PersonTypes.Employee), types.Count(t => t == PersonTypes.Contractor), types.Count(t => t == PersonTypes.Visitor),
                types.Count(t => t == PersonTypes.Driver), types.Count(t => t is null));
        }
    }

    /// <param name="Dots">Null when the actor sees headcounts only.</param>
    public sealed record Result(Guid SitePlanId, DateTimeOffset At, int Present, IReadOnlyList<Headcount> Zones, IReadOnlyList<Dot>? Dots);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private static readonly GeometryFactory Metres = new(new PrecisionModel(), 0);

        /// <exception cref="NotFoundException">The plan is outside the actor's scope.</exception>
        public async Task<Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.SitePlanId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
            var zones = await db.Set<Zone>().AsNoTracking().Where(z => z.SitePlanId == plan.Id).OrderBy(z => z.Name).ToListAsync(cancellationToken);
            var (left, top) = plan.ToMetres(0, 0);
            var (right, bottom) = plan.ToMetres(plan.ImageWidth, plan.ImageHeight);
            var since = now - FreshFor;
            var found = await (from p in db.Set<TagPosition>().AsNoTracking()
                               join t in db.Set<PositioningTag>() on p.TagId equals t.Id
                               join person in db.Set<Person>() on p.PersonId equals person.Id into held
                               from person in held.DefaultIfEmpty()
                               where p.EnterpriseId == plan.EnterpriseId && p.FixedAt >= since && p.X != null && p.Y != null
                                     && p.X >= left && p.X <= right && p.Y >= bottom && p.Y <= top
                               select new
                               {
                                   p.TagId,
                                   t.Serial,
                                   p.PersonId,
                                   PersonName = person == null ? null : person.Name,
                                   PersonType = person == null ? (PersonTypes?)null : person.Type,
                                   Company = person == null ? null : person.Company,
                                   X = p.X!.Value,
                                   Y = p.Y!.Value,
                                   p.FixedAt,
                                   p.Sos,
                                   p.Fall,
                                   p.Battery,
                               }).ToListAsync(cancellationToken);
            var dots = found.Select(f => new Dot(
                f.TagId, f.Serial, f.PersonId, f.PersonName, f.PersonType, f.Company, f.X, f.Y, f.FixedAt, f.Sos, f.Fall, f.Battery,
                zones.FirstOrDefault(z => z.Outline.Contains(Metres.CreatePoint(new Coordinate(f.X, f.Y))))?.Id)).ToList();
            var colors = await ZoneMapColors.ReadAsync(db, zones, cancellationToken);
            var headcounts = zones.Select(z =>
            {
                var inside = dots.Where(d => d.ZoneId == z.Id).ToList();
                return new Headcount(z.Id, z.Name, colors[z.Id].Color, inside.Count, z.MaxOccupancy, z.MinOccupancy, TypeCounts.Of(inside), z.IsAssemblyPoint);
            }).ToList();
            if (!PositioningPermissions.CanEdit(actor) || actor.Scope.EnterpriseId != plan.EnterpriseId)
            {
                return new Result(plan.Id, now, dots.Count, headcounts, null);
            }

            var shown = dots
                .Where(d => query.Type is not { } type || d.PersonType == type)
                .Where(d => string.IsNullOrWhiteSpace(query.Company) || (d.Company?.Contains(query.Company.Trim(), StringComparison.OrdinalIgnoreCase) ?? false))
                .Where(d => query.ZoneId is not { } zone || d.ZoneId == zone)
                .OrderBy(d => d.PersonName ?? d.TagSerial, StringComparer.Ordinal)
                .ToList();
            if (query.Audit)
            {
                PositionViews.Audit(
                    db, actor, plan.EnterpriseId, plan.RegionCode, nameof(SitePlan), plan.Id,
                    new { query.Type, query.Company, query.ZoneId, Persons = shown.Count(d => d.PersonId is not null) }, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new Result(plan.Id, now, dots.Count, headcounts, shown);
        }
    }
}
