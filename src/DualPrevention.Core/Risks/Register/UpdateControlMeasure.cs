using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise corrects a control measure.</summary>
public static class UpdateControlMeasure
{
    public sealed record Command(Guid Id, ControlMeasureDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly ControlMeasureDetailsValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed, e.g. classify2 outside classify1.</exception>
        /// <exception cref="NotFoundException">No live measure with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the event has this measure already.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.ControlMeasures.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            if (row.Update(command.Details, clock.GetUtcNow()))
            {
                await RegisterSaving.SaveAsync(db, command.Details.Description, cancellationToken);
            }
        }
    }
}
