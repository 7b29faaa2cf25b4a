using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise deletes a risk analysis unit; the soft delete cascades to its events and measures (ADR 0005).</summary>
public static class DeleteRiskAnalysisUnit
{
    public sealed record Command(Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <summary>Returns how many register rows were marked deleted, the unit included.</summary>
        /// <exception cref="NotFoundException">No live unit with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task<int> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.RiskAnalysisUnits.FirstOrDefaultAsync(u => u.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var below = await RegisterCascade.BelowUnitsAsync(db, [row.Id], cancellationToken);
            var deleted = RegisterCascade.SoftDelete([row, .. below], clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return deleted;
        }
    }
}
