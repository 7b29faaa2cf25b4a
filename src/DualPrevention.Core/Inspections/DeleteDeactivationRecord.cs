using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>An enterprise deletes a 停用检修 period (soft delete, kept for upload); the windows it alone covered resume.</summary>
public static class DeleteDeactivationRecord
{
    public sealed record Command(Guid UnitId, Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No live record with this id for this unit in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.DeactivationRecords.FirstOrDefaultAsync(r => r.Id == command.Id && r.UnitId == command.UnitId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Deactivation.NotFound"));
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            record.SoftDelete(now);
            await db.SaveChangesAsync(cancellationToken);
            await DeactivationWindows.SyncAsync(db, record.UnitId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
