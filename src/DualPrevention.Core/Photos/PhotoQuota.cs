using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Photos;

/// <summary>
/// What one person may upload (ADR 0021): at most <see cref="PhotoLimits.MaxPerUserPerDay"/> photos in any 24 hours
/// on every path — inspection photos and the photos of a hidden danger alike — and, for inspection photos, at most
/// <see cref="PhotoLimits.MaxUnattachedPerUser"/> not yet attached. Counted in the database; callers check before the
/// costly decode and again under <see cref="AdvisoryLocks.UserQuota"/> before the insert.
/// </summary>
public static class PhotoQuota
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <exception cref="QuotaExceededException">The person uploaded the most photos one may in 24 hours; Retry-After is when the oldest of them ages out.</exception>
    public static async Task EnsureWithinDayAsync(DualPreventionDbContext db, Guid userId, DateTimeOffset now, PhotoLimits limits, CancellationToken cancellationToken)
    {
        var since = now - Day;
        var recent = await db.Photos.Where(p => p.UploadedByUserId == userId && p.UploadedAt > since)
            .OrderByDescending(p => p.UploadedAt).Select(p => p.UploadedAt)
            .Take(limits.MaxPerUserPerDay).ToListAsync(cancellationToken);
        if (recent.Count >= limits.MaxPerUserPerDay)
        {
            throw new QuotaExceededException(CoreText.Get("Photo.Quota.Day", limits.MaxPerUserPerDay), recent[^1] + Day - now);
        }
    }

    /// <exception cref="QuotaExceededException">The person holds the most unattached photos one may; Retry-After is when the oldest expires.</exception>
    public static async Task EnsureWithinUnattachedAsync(DualPreventionDbContext db, Guid userId, DateTimeOffset now, PhotoLimits limits, CancellationToken cancellationToken)
    {
        var held = await db.Photos.Where(p => p.UploadedByUserId == userId && p.ExpiresAt > now)
            .OrderBy(p => p.ExpiresAt).Select(p => p.ExpiresAt!.Value)
            .Take(limits.MaxUnattachedPerUser).ToListAsync(cancellationToken);
        if (held.Count >= limits.MaxUnattachedPerUser)
        {
            throw new QuotaExceededException(CoreText.Get("Photo.Quota.Unattached", limits.MaxUnattachedPerUser), held[0] - now);
        }
    }
}
