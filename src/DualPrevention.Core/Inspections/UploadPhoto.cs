using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// An inspector uploads one photo before submitting a check. The photo is proven by decoding and re-encoded
/// (<see cref="PhotoContent"/>), its bytes kept outside the database; the row belongs to the inspector's enterprise
/// and stays unattached until one submission of <see cref="SubmitInspectionRecord"/> claims it, or until it expires
/// and the clean-up job removes it. One person holds at most <see cref="PhotoLimits.MaxUnattachedPerUser"/> of them.
/// </summary>
public static class UploadPhoto
{
    /// <param name="Content">The image bytes, read once; the caller disposes it.</param>
    /// <param name="FileName">The file's name as the user chose it, quoted when the file is refused.</param>
    public sealed record Command(Stream Content, string? FileName);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, IOptions<PhotoLimits> limits, TimeProvider clock)
    {
        /// <summary>Stores the photo and returns its id.</summary>
        /// <exception cref="QuotaExceededException">The actor already holds the most unattached photos one person may.</exception>
        /// <exception cref="DomainRuleException">The actor may not inspect, or the file is not a photo that decodes (the message names it).</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var (enterpriseId, userId) = InspectionPermissions.EnsureCanInspect(actor);
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                // Before the costly decode; checked again under the lock below.
                await EnsureWithinQuotaAsync(db, userId, clock.GetUtcNow(), cancellationToken);
            }

            var proven = await PhotoContent.ProveAsync(command.Content, command.FileName, limits.Value, cancellationToken);
            var stored = await store.SaveAsync(proven, cancellationToken);
            try
            {
                return await RecordAsync(enterpriseId, userId, stored, cancellationToken);
            }
            catch
            {
                await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
                throw;
            }
        }

        private async Task<Guid> RecordAsync(Guid enterpriseId, Guid userId, StoredPhoto stored, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await AdvisoryLocks.UserQuota(userId).TakeAsync(db, cancellationToken);
            var now = clock.GetUtcNow();
            await EnsureWithinQuotaAsync(db, userId, now, cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var photo = Photo.CreateUnattached(enterpriseId, regionCode, stored, userId, now, now + limits.Value.UnattachedRetention);
            db.Photos.Add(photo);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return photo.Id;
        }

        /// <summary>Refuses while the user holds the most unattached photos or uploaded the most in a day; they may upload again once the oldest expires, is attached or ages out.</summary>
        private async Task EnsureWithinQuotaAsync(DualPreventionDbContext db, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await PhotoQuota.EnsureWithinUnattachedAsync(db, userId, now, limits.Value, cancellationToken);
            await PhotoQuota.EnsureWithinDayAsync(db, userId, now, limits.Value, cancellationToken);
        }
    }
}
