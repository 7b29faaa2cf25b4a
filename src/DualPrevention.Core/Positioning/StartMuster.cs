using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// 一键点名 (docs/domain/positioning.md#43-emergency-muster, ADR 0041): the enterprise's administrator or a safety
/// officer on duty starts an emergency muster; the roll is taken from the latest positions and its counts kept. While a
/// muster is open another click returns it rather than starting a second.
/// </summary>
public static class StartMuster
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <returns>The open muster's id.</returns>
        /// <exception cref="DomainRuleException">The actor may not start a muster.</exception>
        public async Task<Guid> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanMuster(actor);
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Set<Muster>().Where(m => m.EnterpriseId == enterpriseId && m.ClosedAt == null).Select(m => (Guid?)m.Id)
                    .FirstOrDefaultAsync(cancellationToken) is { } open)
            {
                return open;
            }

            var regionCode = await db.Set<Enterprise>().Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var roll = await MusterRoll.TakeAsync(db, enterpriseId, now, cancellationToken);
            var muster = Muster.Start(enterpriseId, regionCode, actor.Scope, roll.Counts, now);
            db.Add(muster);
            await db.SaveChangesAsync(cancellationToken);
            return muster.Id;
        }
    }
}
