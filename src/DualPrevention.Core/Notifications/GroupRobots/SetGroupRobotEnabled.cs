using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>Stops or resumes a robot's posts; a disabled robot's waiting posts are given up when their turn comes.</summary>
public static class SetGroupRobotEnabled
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">Not the caller's robot.</exception>
        /// <exception cref="DomainRuleException">The caller manages no robots.</exception>
        public async Task HandleAsync(Actor actor, Guid id, bool enabled, CancellationToken cancellationToken)
        {
            GroupRobotOwner.EnsureManager(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var robot = await GroupRobotOwner.FindAsync(db, actor, id, cancellationToken);
            robot.SetEnabled(enabled);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
