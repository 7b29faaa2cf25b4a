using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Ends an emergency muster (ADR 0041), keeping the roll's counts at that moment; closing a closed muster changes nothing.</summary>
public static class CloseMuster
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">The muster is not the actor's enterprise's.</exception>
        /// <exception cref="DomainRuleException">The actor may not close a muster.</exception>
        public async Task HandleAsync(Actor actor, Guid musterId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanMuster(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var muster = await db.Set<Muster>().SingleOrDefaultAsync(m => m.Id == musterId && m.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Muster.NotFound"));
            if (!muster.IsOpen)
            {
                return;
            }

            var now = clock.GetUtcNow();
            var roll = await MusterRoll.TakeAsync(db, enterpriseId, now, cancellationToken);
            muster.Close(actor.Scope, roll.Counts, now);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
