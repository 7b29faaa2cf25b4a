using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// The safety officer's task board (docs/domain/dual-prevention.md#53-windows,
/// docs/domain/dual-prevention.md#55-completion-and-missed-windows): for one day or ISO week, the windows that start in
/// it counted per unit, department or assignee. Counting is one GROUP BY in SQL; only the groups (units, departments,
/// persons — tens to hundreds) reach memory, where they are named, sorted and paged.
/// </summary>
public static class SummarizeInspectionBoard
{
    public enum Grouping
    {
        Unit = 0,
        Department = 1,
        Person = 2,
    }

    /// <param name="EnterpriseId">Regulators must name the enterprise; enterprise users read their own.</param>
    /// <param name="Status">Only windows of this status are counted.</param>
    /// <param name="SortByRate">Sort by completion rate (groups with nothing due last) instead of by name.</param>
    public sealed record Query(
        DateOnly Date, BoardPeriodKind Period = BoardPeriodKind.Day, Grouping GroupBy = Grouping.Unit, Guid? EnterpriseId = null,
        Guid? UnitId = null, string? Department = null, InspectionTaskStatus? Status = null, bool SortByRate = false, bool Descending = false,
        int Page = 1, int PageSize = 20);

    /// <summary>One group's counts.</summary>
    /// <param name="Key">Unit id, assignee account id, or null (department, post, nobody).</param>
    /// <param name="Name">Unit name, department, person's display name or post; null for no department / nobody assigned.</param>
    /// <param name="IsPost">The group is a post (岗位) rather than a person.</param>
    /// <param name="Due">Windows not suspended or cancelled.</param>
    /// <param name="CompletedOnTime">Completed by a record inside the window.</param>
    /// <param name="Late">Not completed, but recorded after the window ended.</param>
    /// <param name="Missed">Ended with no record at all (漏检).</param>
    /// <param name="Rate">Whole percent, <see cref="BoardPeriod.Rate"/>.</param>
    public sealed record Group(
        Guid? Key, string? Name, bool IsPost, int Due, int CompletedOnTime, int Late, int Missed, int Open, int Suspended, int? Rate);

    /// <param name="Totals">The whole period over every group (filters applied).</param>
    public sealed record Result(DateOnly From, DateOnly To, Group Totals, Paged<Group> Groups);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
        /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterpriseId = await RegisterOwner.ResolveAsync(db, query.EnterpriseId, cancellationToken);
            var period = BoardPeriod.Of(query.Period, query.Date);
            var windows = BoardWindows.Of(db, enterpriseId, period, query.UnitId, query.Department, query.Status);
            var keyed = query.GroupBy switch
            {
                Grouping.Department => windows.Select(w => new BoardWindows.Keyed { KeyId = null, KeyText = w.Department, Status = w.Status, Late = w.Late }),
                Grouping.Person => windows.Select(w => new BoardWindows.Keyed { KeyId = w.AssigneeUserId, KeyText = w.AssigneePost, Status = w.Status, Late = w.Late }),
                _ => windows.Select(w => new BoardWindows.Keyed { KeyId = w.UnitId, KeyText = null, Status = w.Status, Late = w.Late }),
            };
            var counts = await BoardWindows.CountAsync(keyed, cancellationToken);
            var names = await NamesAsync(db, query.GroupBy, counts.Select(c => c.KeyId).OfType<Guid>().ToList(), cancellationToken);
            var groups = counts.Select(c => ToGroup(c, query.GroupBy, names)).ToList();
            var ordered = Order(groups, query.SortByRate, query.Descending).ToList();
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var totals = Sum(groups);
            return new Result(period.From, period.To, totals, new Paged<Group>(ordered.Skip((page - 1) * size).Take(size).ToList(), ordered.Count, page, size));
        }

        private static async Task<Dictionary<Guid, string>> NamesAsync(DualPreventionDbContext db, Grouping grouping, List<Guid> ids, CancellationToken cancellationToken) =>
            grouping switch
            {
                Grouping.Unit => await db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)
                    .Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken),
                Grouping.Person => await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken),
                _ => [],
            };

        private static Group ToGroup(BoardWindows.Counts c, Grouping grouping, Dictionary<Guid, string> names)
        {
            var name = c.KeyId is { } id ? names.GetValueOrDefault(id) : c.KeyText;
            var isPost = grouping == Grouping.Person && c.KeyId is null && c.KeyText is not null;
            return new Group(c.KeyId, name, isPost, c.Due, c.Completed, c.Late, c.Missed, c.Open, c.Suspended, BoardPeriod.Rate(c.Completed, c.Due));
        }

        private static IEnumerable<Group> Order(List<Group> groups, bool byRate, bool descending)
        {
            if (!byRate)
            {
                var byName = groups.OrderBy(g => g.Name is null).ThenBy(g => g.Name, StringComparer.Ordinal);
                return descending ? byName.Reverse() : byName;
            }

            return descending
                ? groups.OrderBy(g => g.Rate is null).ThenByDescending(g => g.Rate).ThenBy(g => g.Name, StringComparer.Ordinal)
                : groups.OrderBy(g => g.Rate is null).ThenBy(g => g.Rate).ThenBy(g => g.Name, StringComparer.Ordinal);
        }

        private static Group Sum(List<Group> groups)
        {
            var due = groups.Sum(g => g.Due);
            var completed = groups.Sum(g => g.CompletedOnTime);
            return new Group(
                null, null, false, due, completed, groups.Sum(g => g.Late), groups.Sum(g => g.Missed), groups.Sum(g => g.Open), groups.Sum(g => g.Suspended),
                BoardPeriod.Rate(completed, due));
        }
    }
}
