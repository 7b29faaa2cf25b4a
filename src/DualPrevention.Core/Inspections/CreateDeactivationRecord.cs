using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>An enterprise records that a unit is shut down for maintenance (停用检修, docs/domain/dual-prevention.md#56-deactivation-periods); its windows inside the period are suspended.</summary>
public static class CreateDeactivationRecord
{
    public sealed record Command(Guid UnitId, DeactivationInput Period);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly DeactivationInputValidator _validator = new();

        /// <summary>Returns the new record's id.</summary>
        /// <exception cref="ValidationException">A field is malformed or the end is not after the start.</exception>
        /// <exception cref="NotFoundException">No live unit with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Period, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var unit = await db.RiskAnalysisUnits.Where(u => u.Id == command.UnitId).Select(u => new { u.EnterpriseId, u.RegionCode }).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var now = clock.GetUtcNow();
            var record = DeactivationRecord.Create(unit.EnterpriseId, unit.RegionCode, command.UnitId, command.Period.ToPeriod(), now);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.DeactivationRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            await DeactivationWindows.SyncAsync(db, command.UnitId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return record.Id;
        }
    }
}
