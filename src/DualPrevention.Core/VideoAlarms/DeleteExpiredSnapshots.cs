using DualPrevention.Core.Alarms;
using DualPrevention.Core.Data;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// The recurring job <c>video-alarms:delete-expired-snapshots</c>: removes the snapshots past their
/// <see cref="VideoAlarmEvidence.KeepUntil"/> (docs/domain/video-alarms.md#6-unloading-sessions-and-retention, ADR 0046)
/// with their bytes, set-based, a batch per statement. A snapshot whose alarm, or the open alarm it was merged into, is
/// still open stays; so does one a hidden danger holds as its before-photo. The evidence row stays with its boxes and
/// clip URL (its photo link is set null by the foreign key). System scope.
/// </summary>
public static class DeleteExpiredSnapshots
{
    private const int BatchSize = 500;

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, TimeProvider clock, ILogger<Handler> logger)
    {
        /// <summary>Returns how many snapshots were removed.</summary>
        public async Task<int> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var open = AlarmStates.Open.Members.Select(s => (int)s).ToArray();
            var deleted = 0;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var keys = await db.Database.SqlQuery<string>($"""
                    DELETE FROM photo
                    WHERE id IN (
                        SELECT e.snapshot_photo_id
                          FROM video_alarm_evidence e
                          JOIN alarm a ON a.id = e.alarm_id
                          LEFT JOIN alarm m ON m.id = a.merged_into_id
                          JOIN photo p ON p.id = e.snapshot_photo_id
                         WHERE e.snapshot_photo_id IS NOT NULL AND e.keep_until <= {now}
                           AND NOT a.status = ANY({open}) AND (m.id IS NULL OR NOT m.status = ANY({open}))
                           AND p.hidden_danger_id IS NULL
                         ORDER BY e.keep_until
                         LIMIT {BatchSize})
                      AND hidden_danger_id IS NULL
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

            logger.LogInformation("Deleted {SnapshotCount} expired video alarm snapshots", deleted);
            return deleted;
        }
    }
}
