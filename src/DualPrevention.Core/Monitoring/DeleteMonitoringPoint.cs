using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// An enterprise's editor removes a monitoring point: its live state goes with it; its kept history and the alarms it
/// raised stay (they are records of what happened).
/// </summary>
public static class DeleteMonitoringPoint
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such point of this source in the caller's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Guid majorHazardSourceId, Guid pointId, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<MonitoringPointState>().Where(s => s.PointId == pointId).ExecuteDeleteAsync(cancellationToken);
            var deleted = await db.Set<MonitoringPoint>().Where(p => p.Id == pointId && p.MajorHazardSourceId == majorHazardSourceId).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0)
            {
                throw new NotFoundException(CoreText.Get("Monitoring.Point.NotFound"));
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }
}
