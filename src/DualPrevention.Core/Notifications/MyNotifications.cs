using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;

namespace DualPrevention.Core.Notifications;

/// <summary>The notifications addressed to the actor, inside the tenant filter; none without a signed-in user.</summary>
internal static class MyNotifications
{
    public static IQueryable<Notification> Of(DualPreventionDbContext db, Actor actor)
    {
        var userId = actor.Scope.UserId ?? Guid.Empty;
        return db.Notifications.Where(n => n.RecipientUserId == userId);
    }
}
