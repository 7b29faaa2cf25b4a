using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// 我的任务: what the signed-in person should check today (docs/domain/dual-prevention.md#53-windows): windows open now,
/// windows that ended in the last 24 hours without a record (overdue), and windows starting later today — those
/// assigned to the person, to the person's post, or to nobody, grouped by unit.
/// </summary>
public static class ListMyTasks
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The actor is not one of an enterprise's people.</exception>
        public async Task<IReadOnlyList<UnitTasks>> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            var (enterpriseId, userId) = InspectionPermissions.EnsureCanInspect(actor);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var mine = DueWindows.Mine(db, enterpriseId, userId);
            return await DueWindows.GroupByUnitAsync(db, DueWindows.Due(mine, now, DueWindows.EndOfToday(now)), now, cancellationToken);
        }
    }
}
