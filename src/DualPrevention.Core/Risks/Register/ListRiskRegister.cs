using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// One enterprise's risk register as a tree (object → unit → event → measures) for the register page. Paging counts
/// leaf rows — a measure, or an object, unit or event with nothing below — so a page stays bounded when an object holds
/// thousands of measures; an object or unit cut by a page boundary heads the next page again. Object and unit levels
/// are the highest of all their live events (docs/domain/dual-prevention.md#47-aggregation-and-history), aggregated in
/// SQL and independent of the filters.
/// </summary>
public static class ListRiskRegister
{
    /// <param name="EnterpriseId">Required for regulators; enterprise users read their own.</param>
    /// <param name="Level">Only events of this level, with their units and objects.</param>
    /// <param name="Department">Exact department of the object, the unit or the measure.</param>
    /// <param name="Search">Substring of object code or name, unit name, event name, measure description or inspection content.</param>
    /// <param name="PageSize">Leaf rows per page (1–200).</param>
    public sealed record Query(
        Guid? EnterpriseId = null, RiskLevel? Level = null, Guid? ObjectId = null, string? Department = null, MeasureClassify1? Classify1 = null,
        string? Search = null, int Page = 1, int PageSize = 50);

    /// <param name="TotalRows">Leaf rows matching the filters, for the pager.</param>
    public sealed record Result(IReadOnlyList<ObjectNode> Objects, int TotalRows, int Page, int PageSize);

    /// <param name="Level">Highest level of the object's live events; null while none is assessed.</param>
    public sealed record ObjectNode(Guid Id, RiskAnalysisObjectDetails Details, RiskLevel? Level, IReadOnlyList<UnitNode> Units);

    public sealed record UnitNode(Guid Id, RiskAnalysisUnitDetails Details, RiskLevel? Level, IReadOnlyList<EventNode> Events);

    public sealed record EventNode(Guid Id, RiskEventDetails Details, decimal Score, RiskLevel Level, IReadOnlyList<MeasureNode> Measures);

    public sealed record MeasureNode(Guid Id, ControlMeasureDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
        /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterpriseId = await RegisterOwner.ResolveAsync(db, query.EnterpriseId, cancellationToken);
            var leaves = Filter(Leaves(db, enterpriseId), query);
            var total = await leaves.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var keys = await leaves
                .OrderBy(l => l.O.HazardCode).ThenBy(l => l.O.Id)
                .ThenBy(l => l.U!.CreatedAt).ThenBy(l => l.U!.Id)
                .ThenBy(l => l.E!.CreatedAt).ThenBy(l => l.E!.Id)
                .ThenBy(l => l.M!.CreatedAt).ThenBy(l => l.M!.Id)
                .Skip((page - 1) * size)
                .Take(size)
                .Select(l => new LeafKey(l.O.Id, (Guid?)l.U!.Id, (Guid?)l.E!.Id, (Guid?)l.M!.Id))
                .ToListAsync(cancellationToken);
            var tree = await BuildAsync(db, keys, cancellationToken);
            return new Result(tree, total, page, size);
        }

        private static IQueryable<Leaf> Leaves(DualPreventionDbContext db, Guid enterpriseId) =>
            from o in db.RiskAnalysisObjects
            where o.EnterpriseId == enterpriseId
            from u in db.RiskAnalysisUnits.Where(u => u.ObjectId == o.Id).DefaultIfEmpty()
            from e in db.RiskEvents.Where(e => e.UnitId == u!.Id).DefaultIfEmpty()
            from m in db.ControlMeasures.Where(m => m.EventId == e!.Id).DefaultIfEmpty()
            select new Leaf { O = o, U = u, E = e, M = m };

        private static IQueryable<Leaf> Filter(IQueryable<Leaf> leaves, Query query)
        {
            if (query.Level is { } level)
            {
                leaves = leaves.Where(l => l.E != null && l.E.Level == level);
            }

            if (query.ObjectId is { } objectId)
            {
                leaves = leaves.Where(l => l.O.Id == objectId);
            }

            if (Text.OrNull(query.Department) is { } department)
            {
                leaves = leaves.Where(l => l.O.Department == department
                    || (l.U != null && l.U.Department == department)
                    || (l.M != null && l.M.ResponsibleDepartment == department));
            }

            if (query.Classify1 is { } classify1)
            {
                leaves = leaves.Where(l => l.M != null && l.M.Classify1 == classify1);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                leaves = leaves.Where(l => EF.Functions.ILike(l.O.HazardCode, pattern, "\\") || EF.Functions.ILike(l.O.Name, pattern, "\\")
                    || (l.U != null && EF.Functions.ILike(l.U.Name, pattern, "\\"))
                    || (l.E != null && EF.Functions.ILike(l.E.Name, pattern, "\\"))
                    || (l.M != null && (EF.Functions.ILike(l.M.Description, pattern, "\\") || EF.Functions.ILike(l.M.InspectionContent!, pattern, "\\"))));
            }

            return leaves;
        }

        private static async Task<IReadOnlyList<ObjectNode>> BuildAsync(DualPreventionDbContext db, List<LeafKey> keys, CancellationToken cancellationToken)
        {
            var objectIds = keys.Select(k => k.ObjectId).Distinct().ToList();
            var unitIds = keys.Select(k => k.UnitId).OfType<Guid>().Distinct().ToList();
            var eventIds = keys.Select(k => k.EventId).OfType<Guid>().Distinct().ToList();
            var measureIds = keys.Select(k => k.MeasureId).OfType<Guid>().Distinct().ToList();
            var objects = await db.RiskAnalysisObjects.AsNoTracking().Where(o => objectIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
            var units = await db.RiskAnalysisUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
            var events = await db.RiskEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            var measures = await db.ControlMeasures.AsNoTracking().Where(m => measureIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

            // A lower enum value is a higher risk, so the highest level is the MIN.
            var unitLevels = await db.RiskEvents
                .Where(e => unitIds.Contains(e.UnitId))
                .GroupBy(e => e.UnitId)
                .Select(g => new { g.Key, Level = g.Min(e => (int)e.Level) })
                .ToDictionaryAsync(x => x.Key, x => (RiskLevel)x.Level, cancellationToken);
            var objectLevels = await (
                    from e in db.RiskEvents
                    join u in db.RiskAnalysisUnits on e.UnitId equals u.Id
                    where objectIds.Contains(u.ObjectId)
                    group e by u.ObjectId into g
                    select new { g.Key, Level = g.Min(e => (int)e.Level) })
                .ToDictionaryAsync(x => x.Key, x => (RiskLevel)x.Level, cancellationToken);

            return keys.GroupBy(k => k.ObjectId).Select(byObject => new ObjectNode(
                    byObject.Key,
                    objects[byObject.Key].ToDetails(),
                    objectLevels.TryGetValue(byObject.Key, out var objectLevel) ? objectLevel : null,
                    byObject.Where(k => k.UnitId is not null).GroupBy(k => k.UnitId!.Value).Select(byUnit => new UnitNode(
                        byUnit.Key,
                        units[byUnit.Key].ToDetails(),
                        unitLevels.TryGetValue(byUnit.Key, out var unitLevel) ? unitLevel : null,
                        byUnit.Where(k => k.EventId is not null).GroupBy(k => k.EventId!.Value).Select(byEvent => EventNodeOf(
                            events[byEvent.Key],
                            byEvent.Select(k => k.MeasureId).OfType<Guid>().Select(id => new MeasureNode(id, measures[id].ToDetails())).ToList())).ToList())).ToList()))
                .ToList();
        }

        private static EventNode EventNodeOf(RiskEvent e, IReadOnlyList<MeasureNode> measures) => new(
            e.Id, new RiskEventDetails(e.Name, e.AccidentType, new RiskAssessmentInput(e.Method, e.L, e.S, e.E, e.C)), e.Score, e.Level, measures);
    }

    /// <summary>One path from an object down as far as rows exist; members are null below the last row.</summary>
    private sealed class Leaf
    {
        public required RiskAnalysisObject O { get; init; }

        public RiskAnalysisUnit? U { get; init; }

        public RiskEvent? E { get; init; }

        public ControlMeasure? M { get; init; }
    }

    private sealed record LeafKey(Guid ObjectId, Guid? UnitId, Guid? EventId, Guid? MeasureId);
}
