using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Deletes a site plan with its zones, their links and its image; the audit trail keeps the deletions.</summary>
public static class DeleteSitePlan
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, ZoneChanges changes)
    {
        /// <exception cref="NotFoundException">Not the enterprise's plan.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        /// <exception cref="ConflictException">Work permits have their work points on the plan.</exception>
        public async Task HandleAsync(Actor actor, Guid sitePlanId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().SingleOrDefaultAsync(p => p.Id == sitePlanId && p.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));

            // Each zone removed through the context, so every one leaves its own audit entry before the plan's cascade.
            db.RemoveRange(await db.Set<Zone>().Where(z => z.SitePlanId == plan.Id).ToListAsync(cancellationToken));
            db.Remove(plan);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.ForeignKeyViolation })
            {
                // Work permits keep their work points for their retention (ADR 0045): the plan stays while they do.
                throw new ConflictException(CoreText.Get("Positioning.SitePlan.InUse"), ex);
            }

            changes.Changed(enterpriseId);
            if (plan.ImageStorageKey is { } key)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
        }
    }
}
