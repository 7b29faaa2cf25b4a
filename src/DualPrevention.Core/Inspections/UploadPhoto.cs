using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// An inspector uploads one photo before submitting a check. The store checks the content (JPEG or PNG, at most
/// 10 MB) and keeps the bytes outside the database; the row belongs to the inspector's enterprise and stays
/// unattached until one submission of <see cref="SubmitInspectionRecord"/> claims it.
/// </summary>
public static class UploadPhoto
{
    /// <param name="Content">The image bytes, read once; the caller disposes it.</param>
    public sealed record Command(Stream Content);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, TimeProvider clock)
    {
        /// <summary>Stores the photo and returns its id.</summary>
        /// <exception cref="DomainRuleException">The actor may not inspect, or the content is empty, too large or not a JPEG/PNG.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var (enterpriseId, userId) = InspectionPermissions.EnsureCanInspect(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var stored = await store.SaveAsync(command.Content, cancellationToken);
            var photo = Photo.Create(enterpriseId, regionCode, stored, userId, clock.GetUtcNow());
            db.Photos.Add(photo);
            await db.SaveChangesAsync(cancellationToken);
            return photo.Id;
        }
    }
}
