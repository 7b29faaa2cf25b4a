using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// Queues a workflow step's notice for the enterprise's enabled robots that post its kind: one
/// <see cref="GroupRobotDelivery"/> per robot, in the step's own context so it commits with the step. Escalation steps
/// are queued by the escalation fan-out's statement instead (ADR 0010, ADR 0019).
/// </summary>
public static class GroupRobotPosts
{
    /// <param name="eventKey">What makes the event one, so that the same event is never queued twice for a robot.</param>
    public static async Task AddAsync<TNotice>(
        DualPreventionDbContext db, Guid enterpriseId, string regionCode, string eventKey, TNotice notice, string? link, DateTimeOffset now, CancellationToken cancellationToken)
        where TNotice : INotice
    {
        var key = TNotice.Key;
        var robots = await db.Set<GroupRobot>()
            .Where(r => r.EnterpriseId == enterpriseId && r.IsEnabled && r.TemplateKeys.Contains(key))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        db.Set<GroupRobotDelivery>().AddRange(robots.Select(robot => GroupRobotDelivery.Queue(robot, enterpriseId, regionCode, eventKey, notice, link, now)));
    }
}
