using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications;

/// <summary>Marks one of the signed-in person's notifications read; someone else's answers not found.</summary>
public static class MarkNotificationRead
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, NotificationHub hub)
    {
        /// <exception cref="NotFoundException">No notification of the actor has this id.</exception>
        public async Task HandleAsync(Actor actor, Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var notification = await MyNotifications.Of(db, actor).SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Notification.NotFound"));
            notification.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            hub.Signal(notification.RecipientUserId);
        }
    }
}
