using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>The live inspection task definitions of one enterprise (docs/domain/dual-prevention.md#51-task-definitions), searched, sorted and paged.</summary>
public static class ListInspectionTaskDefinitions
{
    /// <summary>Columns the list sorts by.</summary>
    public enum SortBy
    {
        Unit = 0,
        Content = 1,
        Cycle = 2,
        FirstStart = 3,
    }

    /// <param name="EnterpriseId">Regulators must name the enterprise; enterprise users read their own.</param>
    /// <param name="Search">Substring of the content, the unit's name or the assigned post.</param>
    public sealed record Query(
        Guid? EnterpriseId = null, Guid? UnitId = null, string? Search = null, SortBy Sort = SortBy.Unit, bool Descending = false, int Page = 1, int PageSize = 20);

    /// <param name="FirstStartAt">UTC start of window 0.</param>
    /// <param name="AssigneeName">Display name of <paramref name="AssigneeUserId"/>.</param>
    public sealed record Row(
        Guid Id, Guid MeasureId, Guid UnitId, string UnitName, string Content, int CycleValue, CycleUnit CycleUnit, DateTimeOffset FirstStartAt,
        TimeOnly? WorkStartTime, TimeOnly? WorkEndTime, WorkDayType WorkDayType, InspectionTaskType TaskType, short? AccountabilityItemNo,
        InspectionSource Source, string? ResponsibleDepartment, Guid? AssigneeUserId, string? AssigneeName, string? AssigneePost);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
        /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterpriseId = await RegisterOwner.ResolveAsync(db, query.EnterpriseId, cancellationToken);
            var rows =
                from d in db.InspectionTaskDefinitions.AsNoTracking()
                join u in db.RiskAnalysisUnits on d.UnitId equals u.Id
                where d.EnterpriseId == enterpriseId
                select new { d, UnitName = u.Name };
            if (query.UnitId is { } unitId)
            {
                rows = rows.Where(r => r.d.UnitId == unitId);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                rows = rows.Where(r => EF.Functions.ILike(r.d.Content, pattern, "\\") || EF.Functions.ILike(r.UnitName, pattern, "\\")
                                       || (r.d.AssigneePost != null && EF.Functions.ILike(r.d.AssigneePost, pattern, "\\")));
            }

            rows = (query.Sort, query.Descending) switch
            {
                (SortBy.Content, false) => rows.OrderBy(r => r.d.Content),
                (SortBy.Content, true) => rows.OrderByDescending(r => r.d.Content),
                (SortBy.Cycle, false) => rows.OrderBy(r => r.d.CycleUnit).ThenBy(r => r.d.CycleValue),
                (SortBy.Cycle, true) => rows.OrderByDescending(r => r.d.CycleUnit).ThenByDescending(r => r.d.CycleValue),
                (SortBy.FirstStart, false) => rows.OrderBy(r => r.d.FirstStartAt),
                (SortBy.FirstStart, true) => rows.OrderByDescending(r => r.d.FirstStartAt),
                (_, false) => rows.OrderBy(r => r.UnitName).ThenBy(r => r.d.Content),
                (_, true) => rows.OrderByDescending(r => r.UnitName).ThenBy(r => r.d.Content),
            };

            var total = await rows.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await rows
                .Skip((page - 1) * size)
                .Take(size)
                .Select(r => new Row(
                    r.d.Id, r.d.MeasureId, r.d.UnitId, r.UnitName, r.d.Content, r.d.CycleValue, r.d.CycleUnit, r.d.FirstStartAt,
                    r.d.WorkStartTime, r.d.WorkEndTime, r.d.WorkDayType, r.d.TaskType, r.d.AccountabilityItemNo, r.d.Source, r.d.ResponsibleDepartment,
                    r.d.AssigneeUserId, db.Users.Where(x => x.Id == r.d.AssigneeUserId).Select(x => x.DisplayName).FirstOrDefault(), r.d.AssigneePost))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
