using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// 视频接入状态: how the enterprise's AI boxes deliver (docs/video-intake.md#intake-status): per camera the last alarm
/// taken in and the alarms of the Beijing day, and the refused messages by reason, today and over the last seven days
/// (<see cref="VideoAlarmRefusalCount"/>). Within the reader's scope.
/// </summary>
public static class GetVideoIntakeStatus
{
    /// <summary>Days the refusal counts reach back, today included.</summary>
    public const int RefusalDays = 7;

    /// <param name="HasAnalytics">The camera is registered as one whose box analyses its picture.</param>
    public sealed record CameraRow(Guid CameraId, string Name, string DeviceId, bool HasAnalytics, DateTimeOffset? LastAlarmAt, int AlarmsToday);

    public sealed record RefusalRow(VideoAlarmRejection Reason, long Today, long LastDays, DateTimeOffset LastRefusedAt);

    /// <param name="Cameras">Active cameras with analytics or an alarm, the latest alarm first.</param>
    /// <param name="EverReceived">Any alarm or refusal ever came in: without one the page explains how to connect a box.</param>
    public sealed record Status(IReadOnlyList<CameraRow> Cameras, IReadOnlyList<RefusalRow> Refusals, bool EverReceived);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        public async Task<Status> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var today = BusinessTime.LocalDate(now);
            var startOfDay = BusinessTime.FromLocal(today.ToDateTime(TimeOnly.MinValue));
            var since = today.AddDays(1 - RefusalDays);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

            var alarms = await db.Set<VideoAlarmEvidence>().AsNoTracking()
                .GroupBy(e => e.CameraId)
                .Select(g => new { CameraId = g.Key, Last = g.Max(e => e.ReceivedAt), Today = g.Count(e => e.ReceivedAt >= startOfDay) })
                .ToDictionaryAsync(a => a.CameraId, cancellationToken);
            var cameras = await db.Set<Camera>().AsNoTracking()
                .Where(c => c.RetiredAt == null)
                .Select(c => new { c.Id, c.Name, c.DeviceId, c.HasAnalytics })
                .ToListAsync(cancellationToken);
            var rows = cameras
                .Where(c => c.HasAnalytics || alarms.ContainsKey(c.Id))
                .Select(c => alarms.TryGetValue(c.Id, out var a)
                    ? new CameraRow(c.Id, c.Name, c.DeviceId, c.HasAnalytics, a.Last, a.Today)
                    : new CameraRow(c.Id, c.Name, c.DeviceId, c.HasAnalytics, null, 0))
                .OrderByDescending(r => r.LastAlarmAt).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();

            var refusals = await db.Set<VideoAlarmRefusalCount>().AsNoTracking()
                .Where(r => r.Day >= since)
                .GroupBy(r => r.Reason)
                .Select(g => new RefusalRow(g.Key, g.Where(r => r.Day == today).Sum(r => r.Count), g.Sum(r => r.Count), g.Max(r => r.LastRefusedAt)))
                .ToListAsync(cancellationToken);
            var ever = alarms.Count > 0 || await db.Set<VideoAlarmRefusalCount>().AnyAsync(cancellationToken);
            return new Status(rows, [.. refusals.OrderByDescending(r => r.LastDays)], ever);
        }
    }
}
