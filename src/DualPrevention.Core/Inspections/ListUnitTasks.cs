using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// A unit's windows open now or overdue, whoever they are assigned to: the page a phone opens from the QR code of
/// the unit's risk notification card, so any of the enterprise's inspectors on site can check them.
/// </summary>
public static class ListUnitTasks
{
    public sealed record Query(Guid UnitId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The actor is not one of an enterprise's people.</exception>
        /// <exception cref="NotFoundException">No live unit with this id in the actor's enterprise.</exception>
        public async Task<UnitTasks> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var (enterpriseId, _) = InspectionPermissions.EnsureCanInspect(actor);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var unit = await (
                    from u in db.RiskAnalysisUnits
                    where u.Id == query.UnitId && u.EnterpriseId == enterpriseId
                    join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
                    select new { u.Name, ObjectName = o.Name })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Inspection.UnitNotFound"));
            var due = DueWindows.Due(db.InspectionTasks.Where(t => t.UnitId == query.UnitId), now, now.AddTicks(1));
            var groups = await DueWindows.GroupByUnitAsync(db, due, now, cancellationToken);
            return new UnitTasks(query.UnitId, unit.Name, unit.ObjectName, groups.SingleOrDefault()?.Tasks ?? []);
        }
    }
}
