using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The one check of <see cref="ReportExportLimits.MaxInProgressPerUser"/> (ADR 0021), for every kind of background
/// export: compliance reports and large ledgers count together, because they queue on the same job server.
/// </summary>
internal static class ReportExportQuota
{
    /// <summary>
    /// Takes the person's quota lock for the caller's open transaction, so two requests at once cannot both pass, then
    /// counts their exports queued or running. An export without a person (the monthly archive) is not counted.
    /// </summary>
    /// <exception cref="QuotaExceededException">The person already has the most exports queued or running.</exception>
    public static async Task CheckAsync(DualPreventionDbContext db, Guid? userId, ReportExportLimits limits, CancellationToken cancellationToken)
    {
        if (userId is not { } id)
        {
            return;
        }

        await AdvisoryLocks.UserQuota(id).TakeAsync(db, cancellationToken);
        var inProgress = await db.ReportExports.CountAsync(
            e => e.RequestedByUserId == id && ReportExportStates.InProgress.Members.Contains(e.Status), cancellationToken);
        if (inProgress >= limits.MaxInProgressPerUser)
        {
            throw new QuotaExceededException(CoreText.Get("Reports.ExportQuota", limits.MaxInProgressPerUser), limits.RetryAfter);
        }
    }
}
