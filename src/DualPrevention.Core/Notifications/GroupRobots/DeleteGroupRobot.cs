using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>Deletes a robot and its posts; the audit trail keeps the deletion.</summary>
public static class DeleteGroupRobot
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">Not the caller's robot.</exception>
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task HandleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var robot = await GroupRobotOwner.FindAsync(db, actor, id, cancellationToken);
            db.Remove(robot);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
