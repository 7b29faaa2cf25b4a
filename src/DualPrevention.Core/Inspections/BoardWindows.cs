using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>The windows a board period counts (<see cref="InspectionTaskStates.Counted"/>), as a query (never loaded).</summary>
internal static class BoardWindows
{
    public static IQueryable<Flat> Of(
        DualPreventionDbContext db, Guid enterpriseId, BoardPeriod period, Guid? unitId, string? department, InspectionTaskStatus? status)
    {
        // Retired definitions keep their history on the board, so the soft-delete filter is off for the join.
        var counted = InspectionTaskStates.Counted.Members;
        var windows =
            from t in db.InspectionTasks
            join d in db.InspectionTaskDefinitions.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on t.DefinitionId equals d.Id
            where t.EnterpriseId == enterpriseId && t.WindowStart >= period.StartUtc && t.WindowStart < period.EndUtc
                  && counted.Contains(t.Status)
            select new Flat
            {
                UnitId = t.UnitId,
                Department = d.ResponsibleDepartment,
                AssigneeUserId = t.AssigneeUserId,
                AssigneePost = t.AssigneePost,
                Status = t.Status,
                Late = t.Status != InspectionTaskStatus.Completed && db.InspectionRecords.Any(r => r.TaskId == t.Id && r.IsLate),
            };
        if (unitId is { } unit)
        {
            windows = windows.Where(w => w.UnitId == unit);
        }

        if (!string.IsNullOrWhiteSpace(department))
        {
            var text = department.Trim();
            windows = windows.Where(w => w.Department == text);
        }

        if (status is { } only)
        {
            windows = windows.Where(w => w.Status == only);
        }

        return windows;
    }

    /// <summary>One GROUP BY over the keyed windows.</summary>
    public static Task<List<Counts>> CountAsync(IQueryable<Keyed> keyed, CancellationToken cancellationToken)
    {
        var rated = InspectionTaskStates.Rated.Members;
        return keyed.GroupBy(k => new { k.KeyId, k.KeyText })
            .Select(g => new Counts
            {
                KeyId = g.Key.KeyId,
                KeyText = g.Key.KeyText,
                Due = g.Count(x => rated.Contains(x.Status)),
                Completed = g.Count(x => x.Status == InspectionTaskStatus.Completed),
                Late = g.Count(x => x.Late),
                Missed = g.Count(x => x.Status == InspectionTaskStatus.Missed && !x.Late),
                Open = g.Count(x => x.Status == InspectionTaskStatus.Open && !x.Late),
                Suspended = g.Count(x => x.Status == InspectionTaskStatus.Suspended),
            })
            .ToListAsync(cancellationToken);
    }

    internal sealed class Flat
    {
        public Guid UnitId { get; init; }

        public string? Department { get; init; }

        public Guid? AssigneeUserId { get; init; }

        public string? AssigneePost { get; init; }

        public InspectionTaskStatus Status { get; init; }

        public bool Late { get; init; }
    }

    internal sealed class Keyed
    {
        public Guid? KeyId { get; init; }

        public string? KeyText { get; init; }

        public InspectionTaskStatus Status { get; init; }

        public bool Late { get; init; }
    }

    internal sealed class Counts
    {
        public Guid? KeyId { get; init; }

        public string? KeyText { get; init; }

        public int Due { get; init; }

        public int Completed { get; init; }

        public int Late { get; init; }

        public int Missed { get; init; }

        public int Open { get; init; }

        public int Suspended { get; init; }
    }
}
