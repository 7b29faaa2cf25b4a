using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Draws a zone on one of the enterprise's site plans and links the register's units and major hazard sources inside it.</summary>
public static class DrawZone
{
    public sealed record Command(Guid SitePlanId, ZoneDetails Details, IReadOnlyCollection<Guid> UnitIds, IReadOnlyCollection<Guid> MajorHazardSourceIds);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock, ZoneChanges changes)
    {
        private readonly ZoneDetailsValidator _validator = new();

        /// <summary>Creates the zone and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed or the outline is not a valid polygon.</exception>
        /// <exception cref="NotFoundException">The plan, a unit or a source is not the enterprise's.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the plan's scale is not set yet.</exception>
        /// <exception cref="ConflictException">The plan has a zone of that name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().SingleOrDefaultAsync(p => p.Id == command.SitePlanId && p.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
            if (!plan.IsScaled)
            {
                throw new DomainRuleException(CoreText.Get("Positioning.SitePlan.NotScaled"));
            }

            var name = command.Details.Name.Trim();
            if (await db.Set<Zone>().AnyAsync(z => z.SitePlanId == plan.Id && z.Name == name, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.Zone.NameTaken"));
            }

            await EnsureRegisterRowsAsync(db, enterpriseId, command.UnitIds, command.MajorHazardSourceIds, cancellationToken);
            var zone = Zone.Draw(plan, command.Details, ZoneSource.Manual, clock.GetUtcNow());
            zone.Link(command.UnitIds, command.MajorHazardSourceIds);
            db.Add(zone);
            await db.SaveChangesAsync(cancellationToken);
            changes.Changed(enterpriseId);
            return zone.Id;
        }
    }

    /// <summary>Every linked unit and source is a live row of the enterprise's register.</summary>
    internal static async Task EnsureRegisterRowsAsync(
        DualPreventionDbContext db, Guid enterpriseId, IReadOnlyCollection<Guid> unitIds, IReadOnlyCollection<Guid> sourceIds, CancellationToken cancellationToken)
    {
        var units = unitIds.Distinct().ToList();
        var sources = sourceIds.Distinct().ToList();
        var foundUnits = await db.Set<RiskAnalysisUnit>().CountAsync(u => units.Contains(u.Id) && u.EnterpriseId == enterpriseId && !u.IsDeleted, cancellationToken);
        var foundSources = await db.Set<MajorHazardSource>().CountAsync(s => sources.Contains(s.Id) && s.EnterpriseId == enterpriseId && !s.IsDeleted, cancellationToken);
        if (foundUnits != units.Count || foundSources != sources.Count)
        {
            throw new NotFoundException(CoreText.Get("Positioning.Zone.LinkNotFound"));
        }
    }
}
