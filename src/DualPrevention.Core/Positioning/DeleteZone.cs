using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Deletes a zone and its links; the audit trail keeps the deletion.</summary>
public static class DeleteZone
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ZoneChanges changes)
    {
        /// <exception cref="NotFoundException">Not the enterprise's zone.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var zone = await db.Set<Zone>().SingleOrDefaultAsync(z => z.Id == zoneId && z.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Zone.NotFound"));
            db.Remove(zone);
            await db.SaveChangesAsync(cancellationToken);
            changes.Changed(enterpriseId);
        }
    }
}
