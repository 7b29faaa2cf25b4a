using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// An enterprise adds a control measure to a risk event (docs/domain/dual-prevention.md#35-control-measure,
/// docs/domain/dual-prevention.md#51-task-definitions). The cycle arrives as stored: a form offering 周 or 季 converts
/// through <see cref="CycleInput"/> first.
/// </summary>
public static class CreateControlMeasure
{
    public sealed record Command(Guid EventId, ControlMeasureDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly ControlMeasureDetailsValidator _validator = new();

        /// <summary>Creates the measure and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed, e.g. classify2 outside classify1.</exception>
        /// <exception cref="NotFoundException">No live event with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the event has this measure already.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var parent = await db.RiskEvents.Where(e => e.Id == command.EventId)
                .Select(e => new { e.EnterpriseId, e.RegionCode })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var row = ControlMeasure.Create(parent.EnterpriseId, parent.RegionCode, command.EventId, command.Details, clock.GetUtcNow());
            db.ControlMeasures.Add(row);
            await RegisterSaving.SaveAsync(db, command.Details.Description, cancellationToken);
            return row.Id;
        }
    }
}
