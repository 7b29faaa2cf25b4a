using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise corrects a risk analysis unit.</summary>
public static class UpdateRiskAnalysisUnit
{
    public sealed record Command(Guid Id, RiskAnalysisUnitDetails Details);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly RiskAnalysisUnitDetailsValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No live unit with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the object has another unit of this name.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Details, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.RiskAnalysisUnits.FirstOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            if (row.Update(command.Details, clock.GetUtcNow()))
            {
                await RegisterSaving.SaveAsync(db, command.Details.Name, cancellationToken);
            }
        }
    }
}
