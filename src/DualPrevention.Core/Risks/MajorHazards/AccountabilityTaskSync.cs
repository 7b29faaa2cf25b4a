using DualPrevention.Core.Data;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// Gives each person of a major hazard source their <see cref="AccountabilityTaskList"/> as 包保 control measures
/// (ADR 0031): a measure per item of a role with a person, on the source's anchor event (the highest-level event of
/// its linked objects). Idempotent: an item any live 包保 measure under the source already carries (by role and item
/// number) is not added again; a measure the list made is brought back to the list's content and frequency. The
/// generation job turns the measures into task definitions and gives them to the persons (ADR 0025).
/// </summary>
internal static class AccountabilityTaskSync
{
    /// <returns>Measures added or changed; 0 when the source has no linked event to carry them.</returns>
    public static async Task<int> SyncSourceAsync(DualPreventionDbContext db, Guid sourceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = await db.MajorHazardSources.AsNoTracking().FirstOrDefaultAsync(m => m.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return 0;
        }

        var events = await (
            from o in db.RiskAnalysisObjects
            where o.MajorHazardSourceId == sourceId
            join u in db.RiskAnalysisUnits on o.Id equals u.ObjectId
            join e in db.RiskEvents on u.Id equals e.UnitId
            orderby e.Level, o.HazardCode, u.Name, e.Name
            select e).AsNoTracking().ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var anchor = events[0];
        var eventIds = events.Select(e => e.Id).ToList();
        var measures = await db.ControlMeasures
            .Where(m => eventIds.Contains(m.EventId) && m.TaskType != InspectionTaskType.Routine)
            .ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var item in AccountabilityTaskList.Items.Where(i => PersonOf(source, i.Role) is not null))
        {
            var carried = measures.Where(m => m.TaskType == item.Role && m.AccountabilityItemNo == item.No).ToList();
            var own = carried.FirstOrDefault(m => m.EventId == anchor.Id && m.Description == item.Description);
            if (own is not null)
            {
                changed += own.Update(Details(item), now) ? 1 : 0;
            }
            else if (carried.Count == 0)
            {
                db.ControlMeasures.Add(ControlMeasure.Create(anchor.EnterpriseId, anchor.RegionCode, anchor.Id, Details(item), now));
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private static Guid? PersonOf(MajorHazardSource source, InspectionTaskType role) => role switch
    {
        InspectionTaskType.PrincipalResponsible => source.PrincipalResponsibleUserId,
        InspectionTaskType.TechnicalResponsible => source.TechnicalResponsibleUserId,
        _ => source.OperationalResponsibleUserId,
    };

    private static ControlMeasureDetails Details(AccountabilityTaskList.Item item) => new(
        item.Description, item.Classify1, item.Classify2, Classify3: null, ControlDataSource.ManualInspection, item.Content,
        item.CycleValue, item.CycleUnit, WorkStartTime: null, WorkEndTime: null, WorkDayType.EveryDay, item.Role, item.No,
        item.Role == InspectionTaskType.OperationalResponsible ? ControlLevel.Workshop : ControlLevel.Company,
        ResponsibleDepartment: null, ResponsiblePerson: null);
}
