using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 过期: every open permit past its deadline (its validity, or its planned end before issue) expires; the work must stop
/// and a new permit is needed (§4.16). Run by the <c>permits:expire</c> job in the system scope; a permit someone moves at
/// the same moment is left to the next run.
/// </summary>
public static class ExpireWorkPermits
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <returns>How many permits expired.</returns>
        public async Task<int> HandleAsync(CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var open = WorkPermitLifecycle.AllowedFrom[WorkPermitAction.Expired];
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var due = await db.Set<WorkPermit>()
                .Include(p => p.Interruptions)
                .Where(p => open.Contains(p.Status) && (p.ValidUntil ?? p.PlannedEnd) < now)
                .OrderBy(p => p.ValidUntil ?? p.PlannedEnd)
                .Take(500)
                .ToListAsync(cancellationToken);
            foreach (var permit in due)
            {
                db.Add(permit.Expire(now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return 0;
            }

            return due.Count;
        }
    }
}
