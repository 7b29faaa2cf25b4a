using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's administrator or safety officer adds a site plan with its scale (ADR 0029).</summary>
public static class CreateSitePlan
{
    public sealed record Command(SitePlanDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly SitePlanDetailsValidator _validator = new();

        /// <summary>Creates the plan and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        /// <exception cref="ConflictException">The enterprise has a plan of that name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            var d = command.Details;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var name = d.Name.Trim();
            if (await db.Set<SitePlan>().AnyAsync(p => p.EnterpriseId == enterpriseId && p.Name == name, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.SitePlan.NameTaken"));
            }

            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var plan = SitePlan.Create(enterpriseId, regionCode, name, d.ImageWidth, d.ImageHeight, d.Scale.ToScale(), clock.GetUtcNow());
            db.Add(plan);
            await db.SaveChangesAsync(cancellationToken);
            return plan.Id;
        }
    }
}
