using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Sets a site plan's origin and scale from two reference points picked on its image and their real distance
/// (<see cref="PlanScale"/>). Zones already drawn keep their place on the image: their outlines are carried into the
/// new metres, so a corrected scale never moves a fence off the building it surrounds.
/// </summary>
public static class SetSitePlanScale
{
    public sealed record Command(Guid SitePlanId, ScaleInput Scale);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ZoneChanges changes)
    {
        private readonly ScaleInputValidator _validator = new();

        /// <exception cref="ValidationException">The points coincide, the distance is out of range or the scale implausible.</exception>
        /// <exception cref="NotFoundException">Not the enterprise's plan.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Scale, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var plan = await db.Set<SitePlan>().SingleOrDefaultAsync(p => p.Id == command.SitePlanId && p.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
            var zones = await db.Set<Zone>().Where(z => z.SitePlanId == plan.Id).ToListAsync(cancellationToken);
            var pixelOutlines = zones.ToDictionary(z => z.Id, z => Transform(z.Outline, c => plan.ToPixels(c.X, c.Y)));
            plan.SetScale(command.Scale.ToScale());
            foreach (var zone in zones)
            {
                zone.Reshape(Transform(pixelOutlines[zone.Id], c => plan.ToMetres(c.X, c.Y)));
            }

            await db.SaveChangesAsync(cancellationToken);
            changes.Changed(enterpriseId);
        }
    }

    private static Polygon Transform(Polygon outline, Func<Coordinate, (double, double)> map)
    {
        var ring = outline.ExteriorRing.Coordinates.Select(c => map(c)).Select(p => new Coordinate(p.Item1, p.Item2)).ToArray();
        return outline.Factory.CreatePolygon(ring);
    }
}
