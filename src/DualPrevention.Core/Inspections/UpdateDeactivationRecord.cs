using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>An enterprise corrects a 停用检修 period; windows newly inside it are suspended, those no longer inside it resume.</summary>
public static class UpdateDeactivationRecord
{
    public sealed record Command(Guid UnitId, Guid Id, DeactivationInput Period);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly DeactivationInputValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed or the end is not after the start.</exception>
        /// <exception cref="NotFoundException">No live record with this id for this unit in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Period, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var record = await db.DeactivationRecords.FirstOrDefaultAsync(r => r.Id == command.Id && r.UnitId == command.UnitId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Deactivation.NotFound"));
            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            record.Update(command.Period.ToPeriod(), now);
            await db.SaveChangesAsync(cancellationToken);
            await DeactivationWindows.SyncAsync(db, record.UnitId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
