using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's administrator or safety officer uploads a site plan image (ADR 0029). The image goes through the
/// photo pipeline (ADR 0021): decoded completely, re-encoded, within the photo limits, then kept in the file store. The
/// plan starts unscaled; <see cref="SetSitePlanScale"/> sets its scale from two reference points.
/// </summary>
public static class UploadSitePlan
{
    /// <param name="Content">The image bytes, read once; the caller disposes it.</param>
    /// <param name="FileName">The file's name as the user chose it, quoted when the file is refused.</param>
    public sealed record Command(string Name, Stream Content, string? FileName);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, IOptions<PhotoLimits> limits, TimeProvider clock)
    {
        /// <summary>Creates the plan and returns its id.</summary>
        /// <exception cref="ValidationException">The name is missing or too long.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the file is no image that decodes (the message names it).</exception>
        /// <exception cref="ConflictException">The enterprise has a plan of that name.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            var name = (command.Name ?? "").Trim();
            if (name.Length is 0 or > 100)
            {
                throw new ValidationException([new ValidationFailure(nameof(SitePlanDetails.Name), CoreText.Get("Positioning.SitePlan.NameRequired"))]);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.Set<SitePlan>().AnyAsync(p => p.EnterpriseId == enterpriseId && p.Name == name, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.SitePlan.NameTaken"));
            }

            var proven = await PhotoContent.ProveAsync(command.Content, command.FileName, limits.Value, cancellationToken);
            var stored = await store.SaveAsync(proven, cancellationToken);
            try
            {
                var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
                var plan = SitePlan.Upload(enterpriseId, regionCode, name, stored, proven.Width, proven.Height, clock.GetUtcNow());
                db.Add(plan);
                await db.SaveChangesAsync(cancellationToken);
                return plan.Id;
            }
            catch
            {
                await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
                throw;
            }
        }
    }
}
