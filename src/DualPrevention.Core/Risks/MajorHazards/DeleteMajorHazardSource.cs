using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// An enterprise deletes a major hazard source (soft delete). Refused while live risk analysis objects are
/// linked to it: they would point at a deleted parent, which exchange receivers reject.
/// </summary>
public static class DeleteMajorHazardSource
{
    public sealed record Command(Guid Id);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No live source with this id in the actor's enterprise.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or objects are still linked to the source.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            RiskRegisterPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.MajorHazardSources.FirstOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var linked = await db.RiskAnalysisObjects.Where(o => o.MajorHazardSourceId == row.Id).Select(o => o.HazardCode).ToListAsync(cancellationToken);
            if (linked.Count > 0)
            {
                throw new DomainRuleException(CoreText.Get("MajorHazard.Delete.Linked", string.Join("、", linked)));
            }

            row.SoftDelete(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
