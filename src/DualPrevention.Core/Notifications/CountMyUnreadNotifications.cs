using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Notifications;

/// <summary>How many notifications the signed-in person has not read (the app bar's badge).</summary>
public static class CountMyUnreadNotifications
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<int> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await MyNotifications.Of(db, actor).CountAsync(n => n.ReadAt == null, cancellationToken);
        }
    }
}
