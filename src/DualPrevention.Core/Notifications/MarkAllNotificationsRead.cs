using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications;

/// <summary>Marks every unread notification of the signed-in person read; returns how many.</summary>
public static class MarkAllNotificationsRead
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, NotificationHub hub)
    {
        public async Task<int> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var marked = await MyNotifications.Of(db, actor)
                .Where(n => n.ReadAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            if (actor.Scope.UserId is { } userId)
            {
                hub.Signal(userId);
            }

            return marked;
        }
    }
}
