using DualPrevention.Core.Data;
using DualPrevention.Core.Reports.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// Keeps one unit's windows in step with its live 停用检修 periods (docs/domain/dual-prevention.md#56-deactivation-periods), set-based, inside the caller's
/// transaction: Planned/Open windows lying wholly inside a period become Suspended; Suspended windows no longer
/// covered return to Planned, or to Open when they have started (the window job then marks them Missed if they
/// have also ended). Completed, Missed and Cancelled windows are history and stay as they are. The days of the windows
/// that change are recounted in <see cref="Reports.Statistics.InspectionDailyStatistic"/> in the same transaction.
/// </summary>
internal static class DeactivationWindows
{
    /// <summary>Returns (suspended, resumed) window counts.</summary>
    public static async Task<(int Suspended, int Resumed)> SyncAsync(DualPreventionDbContext db, Guid unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var periods = db.DeactivationRecords.Where(r => r.UnitId == unitId);
        var unfinished = InspectionTaskStates.Unfinished.Members;
        var changing = await db.InspectionTasks
            .Where(t => t.UnitId == unitId
                        && ((unfinished.Contains(t.Status)
                             && periods.Any(r => r.StopStartAt <= t.WindowStart && r.StopEndAt >= t.WindowEnd))
                            || (t.Status == InspectionTaskStatus.Suspended
                                && !periods.Any(r => r.StopStartAt <= t.WindowStart && r.StopEndAt >= t.WindowEnd))))
            .Select(t => new { t.EnterpriseId, t.WindowStart })
            .ToListAsync(cancellationToken);
        var suspended = await db.InspectionTasks
            .Where(t => t.UnitId == unitId
                        && unfinished.Contains(t.Status)
                        && periods.Any(r => r.StopStartAt <= t.WindowStart && r.StopEndAt >= t.WindowEnd))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, InspectionTaskStatus.Suspended), cancellationToken);
        var resumed = await db.InspectionTasks
            .Where(t => t.UnitId == unitId
                        && t.Status == InspectionTaskStatus.Suspended
                        && !periods.Any(r => r.StopStartAt <= t.WindowStart && r.StopEndAt >= t.WindowEnd))
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, t => t.WindowStart <= now ? InspectionTaskStatus.Open : InspectionTaskStatus.Planned),
                cancellationToken);
        if (changing.Count > 0)
        {
            var days = changing.Select(t => BusinessTime.LocalDate(t.WindowStart)).Distinct().ToList();
            await RefreshInspectionStatistics.RecomputeDaysAsync(db, changing[0].EnterpriseId, days, now, cancellationToken);
        }

        return (suspended, resumed);
    }
}
