using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// The system's pass over every major hazard source with a person (ADR 0031): each person gets their
/// <see cref="AccountabilityTaskList"/> and the source's 包保 definitions follow its persons, as when the source is saved.
/// It catches what no save announces — a source linked before its units had an event to carry the list, and a list
/// changed by a release. Idempotent: a second pass adds and changes nothing.
/// </summary>
public static class SyncAccountabilityTasks
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <summary>Returns how many sources were passed over; one short context per source, as a save of the source does.</summary>
        public async Task<int> HandleAsync(CancellationToken cancellationToken)
        {
            List<Guid> sourceIds;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                sourceIds = await db.MajorHazardSources.AsNoTracking()
                    .Where(m => m.PrincipalResponsibleUserId != null || m.TechnicalResponsibleUserId != null || m.OperationalResponsibleUserId != null)
                    .OrderBy(m => m.Id)
                    .Select(m => m.Id)
                    .ToListAsync(cancellationToken);
            }

            foreach (var sourceId in sourceIds)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await AccountabilityAssignment.FollowSourceAsync(db, sourceId, clock.GetUtcNow(), cancellationToken);
            }

            return sourceIds.Count;
        }
    }
}
