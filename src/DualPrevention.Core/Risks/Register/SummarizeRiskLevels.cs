using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// The four-colour overview of an enterprise's register, the first step towards the 风险四色图
/// (docs/domain/dual-prevention.md#47-aggregation-and-history): per object and per unit, how many risk events sit at
/// each level; a unit's level is the highest of its events', an object's the highest of its units'.
/// </summary>
public static class SummarizeRiskLevels
{
    public sealed record Query(Guid EnterpriseId);

    /// <summary>How many items sit at each of the four levels.</summary>
    public sealed record LevelCounts(int Major, int Significant, int General, int Low)
    {
        public static LevelCounts Zero { get; } = new(0, 0, 0, 0);

        public int Total => Major + Significant + General + Low;

        /// <summary>The highest level with a count, or null when all are zero (docs/domain/dual-prevention.md#47-aggregation-and-history).</summary>
        public RiskLevel? Highest =>
            Major > 0 ? RiskLevel.Major : Significant > 0 ? RiskLevel.Significant : General > 0 ? RiskLevel.General : Low > 0 ? RiskLevel.Low : null;

        public int Of(RiskLevel level) => level switch
        {
            RiskLevel.Major => Major,
            RiskLevel.Significant => Significant,
            RiskLevel.General => General,
            RiskLevel.Low => Low,
        };

        public LevelCounts Plus(LevelCounts other) =>
            new(Major + other.Major, Significant + other.Significant, General + other.General, Low + other.Low);

        /// <summary>This count plus one item at <paramref name="level"/>; unchanged for null (an unassessed item).</summary>
        public LevelCounts PlusOne(RiskLevel? level) => level switch
        {
            RiskLevel.Major => this with { Major = Major + 1 },
            RiskLevel.Significant => this with { Significant = Significant + 1 },
            RiskLevel.General => this with { General = General + 1 },
            RiskLevel.Low => this with { Low = Low + 1 },
            null => this,
        };
    }

    /// <summary>A unit; <see cref="Level"/> is null while it has no risk events.</summary>
    public sealed record UnitSummary(Guid Id, string Name, RiskLevel? Level, LevelCounts Events);

    /// <summary>An object; <see cref="Level"/> is null while none of its units has a risk event.</summary>
    public sealed record ObjectSummary(Guid Id, string Code, string Name, RiskLevel? Level, LevelCounts Events, IReadOnlyList<UnitSummary> Units);

    /// <summary>The enterprise's overview: events, units and objects counted per level, and the objects with their units.</summary>
    public sealed record Summary(
        Guid EnterpriseId, string EnterpriseName, LevelCounts Events, LevelCounts Units, LevelCounts Objects, IReadOnlyList<ObjectSummary> ObjectList);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such enterprise in the caller's scope.</exception>
        public async Task<Summary> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterpriseName = await db.Enterprises.AsNoTracking()
                .Where(e => e.Id == query.EnterpriseId)
                .Select(e => e.Name)
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));

            // One grouped statement: a row per unit (or per object without units) with its events counted per level.
            var unitRows = await (
                    from o in db.RiskAnalysisObjects.AsNoTracking()
                    where o.EnterpriseId == query.EnterpriseId
                    join u in db.RiskAnalysisUnits on o.Id equals u.ObjectId into units
                    from u in units.DefaultIfEmpty()
                    join e in db.RiskEvents on u.Id equals e.UnitId into events
                    from e in events.DefaultIfEmpty()
                    group e by new { ObjectId = o.Id, o.HazardCode, ObjectName = o.Name, UnitId = (Guid?)u.Id, UnitName = u.Name } into g
                    select new
                    {
                        g.Key.ObjectId,
                        g.Key.HazardCode,
                        g.Key.ObjectName,
                        g.Key.UnitId,
                        g.Key.UnitName,
                        Major = g.Count(e => e != null && e.Level == RiskLevel.Major),
                        Significant = g.Count(e => e != null && e.Level == RiskLevel.Significant),
                        General = g.Count(e => e != null && e.Level == RiskLevel.General),
                        Low = g.Count(e => e != null && e.Level == RiskLevel.Low),
                    })
                .ToListAsync(cancellationToken);

            var objects = unitRows
                .GroupBy(r => new { r.ObjectId, r.HazardCode, r.ObjectName })
                .OrderBy(g => g.Key.HazardCode, StringComparer.Ordinal)
                .Select(g =>
                {
                    var units = g.Where(r => r.UnitId is not null)
                        .Select(r =>
                        {
                            var counts = new LevelCounts(r.Major, r.Significant, r.General, r.Low);
                            return new UnitSummary(r.UnitId!.Value, r.UnitName!, counts.Highest, counts);
                        })
                        .OrderBy(u => u.Level ?? (RiskLevel)int.MaxValue)
                        .ThenBy(u => u.Name, StringComparer.Ordinal)
                        .ToList();
                    var events = units.Aggregate(LevelCounts.Zero, (sum, u) => sum.Plus(u.Events));
                    return new ObjectSummary(g.Key.ObjectId, g.Key.HazardCode, g.Key.ObjectName, events.Highest, events, units);
                })
                .ToList();

            return new Summary(
                query.EnterpriseId,
                enterpriseName,
                objects.Aggregate(LevelCounts.Zero, (sum, o) => sum.Plus(o.Events)),
                objects.SelectMany(o => o.Units).Aggregate(LevelCounts.Zero, (sum, u) => sum.PlusOne(u.Level)),
                objects.Aggregate(LevelCounts.Zero, (sum, o) => sum.PlusOne(o.Level)),
                objects);
        }
    }
}
