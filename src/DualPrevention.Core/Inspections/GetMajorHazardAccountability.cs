using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// The 包保 view of one major hazard source (docs/domain/dual-prevention.md#510-accountability-tasks): its three
/// responsible persons in the regulation's order, each with the 包保 task definitions of the units under the source
/// and how many of their windows were completed on time out of those judged so far (completed or missed; windows not yet
/// ended, suspended or cancelled are not counted, as in docs/domain/dual-prevention.md#91-rates-and-counts).
/// </summary>
public static class GetMajorHazardAccountability
{
    /// <param name="AssigneeName">Whoever the definition's windows go to; normally the role's person.</param>
    /// <param name="Judged">Windows ended and judged: completed or missed.</param>
    /// <param name="NextWindowEnd">UTC end of the earliest window still waiting, or null.</param>
    public sealed record AccountabilityTask(
        Guid DefinitionId, string Content, short? ItemNo, int CycleValue, CycleUnit CycleUnit, string? AssigneeName, int Judged, int Completed,
        DateTimeOffset? NextWindowEnd);

    /// <param name="Rate">Whole percent of the role's judged windows completed on time; null when none is judged yet.</param>
    public sealed record Role(InspectionTaskType TaskType, Guid? PersonId, string? PersonName, IReadOnlyList<AccountabilityTask> Tasks, int Judged, int Completed, int? Rate);

    /// <param name="Units">Names of the live units under the source's analysis objects.</param>
    /// <param name="Roles">Always the three roles, principal first.</param>
    public sealed record Result(
        Guid SourceId, Guid EnterpriseId, string HazardCode, string Name, MajorHazardLevel Level, IReadOnlyList<string> Units, IReadOnlyList<Role> Roles);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live source with this id in the caller's scope.</exception>
        public async Task<Result> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var source = await db.MajorHazardSources.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new
                {
                    m.EnterpriseId,
                    m.HazardCode,
                    m.Name,
                    m.Level,
                    Persons = new[] { m.PrincipalResponsibleUserId, m.TechnicalResponsibleUserId, m.OperationalResponsibleUserId },
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var units = db.RiskAnalysisUnits.Where(u => db.RiskAnalysisObjects.Any(o => o.Id == u.ObjectId && o.MajorHazardSourceId == id));
            var unitNames = await units.OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(cancellationToken);
            var accountability = InspectionTaskTypes.Accountability.Members;
            var judged = InspectionTaskStates.Judged.Members;
            var unfinished = InspectionTaskStates.Unfinished.Members;
            var tasks = await db.InspectionTaskDefinitions.AsNoTracking()
                .Where(d => units.Any(u => u.Id == d.UnitId) && accountability.Contains(d.TaskType))
                .OrderBy(d => d.AccountabilityItemNo).ThenBy(d => d.Content).ThenBy(d => d.Id)
                .Select(d => new
                {
                    d.TaskType,
                    Task = new AccountabilityTask(
                        d.Id, d.Content, d.AccountabilityItemNo, d.CycleValue, d.CycleUnit,
                        db.Users.Where(u => u.Id == d.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                        db.InspectionTasks.Count(t => t.DefinitionId == d.Id && judged.Contains(t.Status)),
                        db.InspectionTasks.Count(t => t.DefinitionId == d.Id && t.Status == InspectionTaskStatus.Completed),
                        db.InspectionTasks.Where(t => t.DefinitionId == d.Id && unfinished.Contains(t.Status)).Min(t => (DateTimeOffset?)t.WindowEnd)),
                })
                .ToListAsync(cancellationToken);
            List<Guid> personIds = [.. source.Persons.OfType<Guid>()];
            var names = await db.Users.Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            var roles = InspectionTaskTypes.Accountability.Members.Select((taskType, i) =>
            {
                var person = source.Persons[i];
                var mine = tasks.Where(t => t.TaskType == taskType).Select(t => t.Task).ToList();
                int due = mine.Sum(t => t.Judged), completed = mine.Sum(t => t.Completed);
                return new Role(taskType, person, person is { } p ? names.GetValueOrDefault(p) : null, mine, due, completed, BoardPeriod.Rate(completed, due));
            }).ToList();
            return new Result(id, source.EnterpriseId, source.HazardCode, source.Name, source.Level, unitNames, roles);
        }
    }
}
