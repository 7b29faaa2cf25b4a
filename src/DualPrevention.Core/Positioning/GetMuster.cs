using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An emergency muster as it stands (ADR 0041): while open, the roll taken now from the latest positions — per zone
/// who is still inside, who has reached an assembly point, who is unknown; once closed, the counts kept at its start
/// and close. Names are personal data (docs/domain/positioning.md#45-retention-and-privacy): only the enterprise's
/// administrator and safety officers see them, and each view that shows them is audited as
/// <see cref="AuditAction.PositionsViewed"/>; regulators and inspectors get the counts only.
/// </summary>
public static class GetMuster
{
    /// <param name="Audit">Write the view to the audit trail (a page's first load and every API call; not its refreshes).</param>
    public sealed record Query(Guid MusterId, bool Audit = true);

    /// <param name="Now">The roll now while open; null once closed.</param>
    /// <param name="Zones">Per zone how many are inside now; empty once closed.</param>
    /// <param name="Entries">Who is where now; null for counts only or once closed.</param>
    public sealed record Result(
        Guid Id, Guid EnterpriseId, DateTimeOffset At, string StartedBy, DateTimeOffset StartedAt, MusterCounts AtStart,
        DateTimeOffset? ClosedAt, string? ClosedBy, MusterCounts? AtClose, MusterCounts? Now,
        IReadOnlyList<MusterRoll.ZoneCount> Zones, IReadOnlyList<MusterRoll.Entry>? Entries)
    {
        public bool IsOpen => ClosedAt is null;
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">The muster is outside the actor's scope.</exception>
        public async Task<Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var muster = await db.Set<Muster>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == query.MusterId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Muster.NotFound"));
            if (!muster.IsOpen)
            {
                return new Result(
                    muster.Id, muster.EnterpriseId, now, muster.StartedByName, muster.StartedAt, muster.AtStart, muster.ClosedAt,
                    muster.ClosedByName, muster.AtClose, null, [], null);
            }

            var roll = await MusterRoll.TakeAsync(db, muster.EnterpriseId, now, cancellationToken);
            var seesNames = PositioningPermissions.CanEdit(actor) && actor.Scope.EnterpriseId == muster.EnterpriseId;
            if (seesNames && query.Audit)
            {
                PositionViews.Audit(db, actor, muster.EnterpriseId, muster.RegionCode, nameof(Muster), muster.Id, new { Persons = roll.Entries.Count }, now);
                await db.SaveChangesAsync(cancellationToken);
            }

            return new Result(
                muster.Id, muster.EnterpriseId, now, muster.StartedByName, muster.StartedAt, muster.AtStart, null, null, null,
                roll.Counts, roll.Zones, seesNames ? roll.Entries : null);
        }
    }
}
