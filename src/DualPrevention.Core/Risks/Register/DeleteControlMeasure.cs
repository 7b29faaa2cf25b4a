using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>An enterprise deletes a control measure (soft delete: the row stays for history and upload).</summary>
public static class DeleteControlMeasure
{
    public sealed record Command(Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No live measure with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.ControlMeasures.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            row.SoftDelete(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
