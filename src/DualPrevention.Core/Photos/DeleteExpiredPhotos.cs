using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Photos;

/// <summary>
/// The recurring job <c>photos:delete-expired</c>: removes every photo whose <see cref="Photo.ExpiresAt"/> has passed
/// (uploads never attached to a check) with its bytes. Rows go first, one statement per batch that re-checks the
/// expiry, so a photo attached meanwhile stays with its file; a file left behind by a failed delete is only
/// unreachable bytes. System scope.
/// </summary>
public static class DeleteExpiredPhotos
{
    private const int BatchSize = 500;

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Returns how many photos were removed.</summary>
        public async Task<int> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var deleted = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var keys = await db.Database.SqlQuery<string>($"""
                    DELETE FROM photo
                    WHERE id IN (SELECT id FROM photo WHERE expires_at <= {now} ORDER BY expires_at LIMIT {BatchSize})
                      AND expires_at <= {now}
                    RETURNING storage_key AS "Value"
                    """).ToListAsync(cancellationToken);
                foreach (var key in keys)
                {
                    await store.DeleteAsync(key, cancellationToken);
                }

                deleted += keys.Count;
                if (keys.Count < BatchSize)
                {
                    break;
                }
            }

            logger.LogInformation("Deleted {PhotoCount} expired photos", deleted);
            return deleted;
        }
    }
}
