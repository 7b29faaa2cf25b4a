using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// 包保责任人任务完成情况: for one day or ISO week, the windows of the three accountability roles' tasks
/// (主要负责人 / 技术负责人 / 操作负责人) counted per role, one GROUP BY in SQL.
/// </summary>
public static class SummarizeAccountabilityCompletion
{
    /// <param name="EnterpriseId">Regulators must name the enterprise; enterprise users read their own.</param>
    public sealed record Query(DateOnly Date, BoardPeriodKind Period = BoardPeriodKind.Day, Guid? EnterpriseId = null);

    /// <param name="Due">Windows not suspended or cancelled.</param>
    /// <param name="Rate">Whole percent, <see cref="BoardPeriod.Rate"/>.</param>
    public sealed record Role(InspectionTaskType TaskType, int Due, int Completed, int? Rate);

    /// <param name="Roles">Always the three roles, in the regulation's order.</param>
    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<Role> Roles);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
        /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var enterpriseId = await RegisterOwner.ResolveAsync(db, query.EnterpriseId, cancellationToken);
            var period = BoardPeriod.Of(query.Period, query.Date);
            var accountability = InspectionTaskTypes.Accountability.Members;
            var rated = InspectionTaskStates.Rated.Members;
            var counts = await db.InspectionTasks
                .Where(t => t.EnterpriseId == enterpriseId && t.WindowStart >= period.StartUtc && t.WindowStart < period.EndUtc
                            && accountability.Contains(t.TaskType) && rated.Contains(t.Status))
                .GroupBy(t => t.TaskType)
                .Select(g => new { TaskType = g.Key, Due = g.Count(), Completed = g.Count(t => t.Status == InspectionTaskStatus.Completed) })
                .ToDictionaryAsync(c => c.TaskType, cancellationToken);
            return new Result(period.From, period.To, accountability
                .Select(r => counts.TryGetValue(r, out var c) ? new Role(r, c.Due, c.Completed, BoardPeriod.Rate(c.Completed, c.Due)) : new Role(r, 0, 0, null))
                .ToList());
        }
    }
}
