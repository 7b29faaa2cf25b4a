using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's administrator or safety officer adds a camera or changes one: the GB/T 28181 device id checked
/// (<see cref="CameraDeviceId"/>), the live-view URL's scheme one a player opens, the position on one of the enterprise's
/// site plans, and the zone derived from it (the zone of that plan whose outline holds the point).
/// </summary>
public static class SaveCamera
{
    /// <summary>Schemes a live view is opened with.</summary>
    public static readonly IReadOnlySet<string> StreamSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "rtsp", "rtsps", "http", "https", "webrtc" };

    /// <param name="Id">The camera to change; null adds one.</param>
    public sealed record Command(Guid? Id, CameraDetails Details);

    public sealed class Validator : AbstractValidator<CameraDetails>
    {
        public Validator()
        {
            RuleFor(d => d.Name).NotEmpty().MaximumLength(Camera.NameLength).WithName(_ => CoreText.Get("Field.Positioning.CameraName"));
            RuleFor(d => d.DeviceId).Must(CameraDeviceId.IsValid).WithMessage(_ => CoreText.Get("Positioning.Camera.DeviceIdInvalid"))
                .WithName(_ => CoreText.Get("Field.Positioning.DeviceId"));
            RuleFor(d => d.StreamUrl).NotEmpty().MaximumLength(Camera.StreamUrlLength).Must(IsStreamUrl)
                .WithMessage(_ => CoreText.Get("Positioning.Camera.StreamUrlInvalid")).WithName(_ => CoreText.Get("Field.Positioning.StreamUrl"));
            RuleFor(d => d.Vendor).MaximumLength(Camera.VendorLength).WithName(_ => CoreText.Get("Field.Positioning.Vendor"));
            RuleFor(d => d.X).NotNull().When(d => d.SitePlanId is not null && d.Y is not null).WithName(_ => CoreText.Get("Field.Positioning.X"));
            RuleFor(d => d.Y).NotNull().When(d => d.SitePlanId is not null && d.X is not null).WithName(_ => CoreText.Get("Field.Positioning.Y"));
            RuleFor(d => d.X).InclusiveBetween(-100_000, 100_000).WithName(_ => CoreText.Get("Field.Positioning.X"));
            RuleFor(d => d.Y).InclusiveBetween(-100_000, 100_000).WithName(_ => CoreText.Get("Field.Positioning.Y"));
        }

        private static bool IsStreamUrl(string? url) =>
            Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && StreamSchemes.Contains(uri.Scheme) && uri.Host.Length > 0;
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Adds or changes the camera and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the camera is retired.</exception>
        /// <exception cref="NotFoundException">The camera or the site plan is not the enterprise's.</exception>
        /// <exception cref="ConflictException">Another camera of the enterprise has the device id.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var details = command.Details;
            var deviceId = details.DeviceId.Trim();
            if (await db.Set<Camera>().AnyAsync(c => c.EnterpriseId == enterpriseId && c.DeviceId == deviceId && c.Id != command.Id, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.Camera.DeviceIdTaken"));
            }

            Guid? zoneId = null;
            if (details.SitePlanId is { } planId)
            {
                if (!await db.Set<SitePlan>().AnyAsync(p => p.Id == planId && p.EnterpriseId == enterpriseId, cancellationToken))
                {
                    throw new NotFoundException(CoreText.Get("Positioning.SitePlan.NotFound"));
                }

                if (details.X is { } x && details.Y is { } y)
                {
                    var point = new Point(x, y) { SRID = 0 };
                    zoneId = await db.Set<Zone>().Where(z => z.SitePlanId == planId && z.Outline.Contains(point))
                        .OrderBy(z => z.Outline.Area).Select(z => (Guid?)z.Id).FirstOrDefaultAsync(cancellationToken);
                }
            }

            Camera camera;
            if (command.Id is { } id)
            {
                camera = await db.Set<Camera>().SingleOrDefaultAsync(c => c.Id == id && c.EnterpriseId == enterpriseId, cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Positioning.Camera.NotFound"));
                if (!camera.IsActive)
                {
                    throw new DomainRuleException(CoreText.Get("Positioning.Camera.AlreadyRetired"));
                }

                camera.Change(details, zoneId);
            }
            else
            {
                var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
                camera = Camera.Register(enterpriseId, regionCode, details, zoneId, clock.GetUtcNow());
                db.Add(camera);
            }

            await db.SaveChangesAsync(cancellationToken);
            return camera.Id;
        }
    }
}
