using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>A window due for checking, as an inspector's list shows it.</summary>
/// <param name="WindowStart">UTC, inclusive.</param>
/// <param name="WindowEnd">UTC, exclusive.</param>
/// <param name="IsOverdue">The window has ended without an on-time record; a record now is kept but flagged late.</param>
public sealed record DueTask(
    Guid TaskId, Guid MeasureId, string Content, Risks.InspectionTaskType TaskType, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    InspectionTaskStatus Status, bool IsOverdue);

/// <summary>The due windows of one risk analysis unit, under its object's name.</summary>
public sealed record UnitTasks(Guid UnitId, string UnitName, string ObjectName, IReadOnlyList<DueTask> Tasks);

/// <summary>Which windows are due, shared by "my tasks" and a unit's list so the two agree.</summary>
internal static class DueWindows
{
    /// <summary>How long an ended, unchecked window stays on the list as overdue.</summary>
    public static readonly TimeSpan OverdueHorizon = TimeSpan.FromHours(24);

    /// <summary>
    /// The windows of a person of the enterprise: assigned to them, to their post, or to nobody. "My tasks" and the
    /// to-do centre read the same set.
    /// </summary>
    public static IQueryable<InspectionTask> Mine(DualPreventionDbContext db, Guid enterpriseId, Guid userId)
    {
        // The person's post is a subquery, not a round trip of its own: the task list is read at every shift change.
        var post = db.Users.Where(u => u.Id == userId).Select(u => u.Post);
        return db.InspectionTasks.Where(t => t.EnterpriseId == enterpriseId
            && (t.AssigneeUserId == userId
                || (t.AssigneePost != null && post.Contains(t.AssigneePost))
                || (t.AssigneeUserId == null && t.AssigneePost == null)));
    }

    public static DateTimeOffset EndOfToday(DateTimeOffset now) =>
        BusinessTime.FromLocal(BusinessTime.LocalDate(now).AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// Unfinished windows that are open at <paramref name="now"/>, ended within <see cref="OverdueHorizon"/>, or (when
    /// <paramref name="startsBefore"/> is later than now) start before it. Planned windows already started count as
    /// open: the window job may not have run yet.
    /// </summary>
    public static IQueryable<InspectionTask> Due(IQueryable<InspectionTask> tasks, DateTimeOffset now, DateTimeOffset startsBefore)
    {
        var overdueSince = now - OverdueHorizon;
        var unfinished = InspectionTaskStates.Unfinished.Members;
        return tasks.Where(t => unfinished.Contains(t.Status)
                                && t.WindowEnd > overdueSince
                                && t.WindowStart < startsBefore);
    }

    /// <summary>The windows grouped by unit (units by object and name, windows overdue first, then by start).</summary>
    public static async Task<List<UnitTasks>> GroupByUnitAsync(
        DualPreventionDbContext db, IQueryable<InspectionTask> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await (
                from t in due.AsNoTracking()
                join d in db.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on t.DefinitionId equals d.Id
                join u in db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on t.UnitId equals u.Id
                join o in db.RiskAnalysisObjects.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on u.ObjectId equals o.Id
                select new
                {
                    t.Id,
                    d.MeasureId,
                    d.Content,
                    t.TaskType,
                    t.WindowStart,
                    t.WindowEnd,
                    t.Status,
                    t.UnitId,
                    UnitName = u.Name,
                    ObjectName = o.Name,
                })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => (r.UnitId, r.UnitName, r.ObjectName))
            .OrderBy(g => g.Key.ObjectName, StringComparer.Ordinal).ThenBy(g => g.Key.UnitName, StringComparer.Ordinal)
            .Select(g => new UnitTasks(
                g.Key.UnitId,
                g.Key.UnitName,
                g.Key.ObjectName,
                g.Select(r => new DueTask(r.Id, r.MeasureId, r.Content, r.TaskType, r.WindowStart, r.WindowEnd, r.Status, r.WindowEnd <= now))
                    .OrderByDescending(t => t.IsOverdue).ThenBy(t => t.WindowStart).ThenBy(t => t.Content, StringComparer.Ordinal)
                    .ToList()))
            .ToList();
    }
}
