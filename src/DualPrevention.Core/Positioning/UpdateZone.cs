using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Changes a zone's outline, facts and links; the audit trail keeps what it was.</summary>
public static class UpdateZone
{
    public sealed record Command(Guid ZoneId, ZoneDetails Details, IReadOnlyCollection<Guid> UnitIds, IReadOnlyCollection<Guid> MajorHazardSourceIds);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ZoneChanges changes)
    {
        private readonly ZoneDetailsValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed or the outline is not a valid polygon.</exception>
        /// <exception cref="NotFoundException">The zone, a unit or a source is not the enterprise's.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        /// <exception cref="ConflictException">Another zone of the plan has that name.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var zone = await db.Set<Zone>().Include(z => z.UnitLinks).Include(z => z.MajorHazardLinks)
                .SingleOrDefaultAsync(z => z.Id == command.ZoneId && z.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Zone.NotFound"));
            var name = command.Details.Name.Trim();
            if (await db.Set<Zone>().AnyAsync(z => z.SitePlanId == zone.SitePlanId && z.Id != zone.Id && z.Name == name, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.Zone.NameTaken"));
            }

            await DrawZone.EnsureRegisterRowsAsync(db, enterpriseId, command.UnitIds, command.MajorHazardSourceIds, cancellationToken);
            zone.Update(command.Details);
            zone.Link(command.UnitIds, command.MajorHazardSourceIds);
            await db.SaveChangesAsync(cancellationToken);
            changes.Changed(enterpriseId);
        }
    }
}
