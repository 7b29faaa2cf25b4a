using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// Replaces a zone's whitelist and its list of people required there (docs/domain/positioning.md#2-records); the fence
/// rules read them at once on this node (ADR 0040).
/// </summary>
public static class SetZonePeople
{
    public const int MaxPeople = 500;

    public sealed record Command(Guid ZoneId, IReadOnlyCollection<Guid> Whitelisted, IReadOnlyCollection<Guid> Required);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ZoneChanges changes)
    {
        /// <exception cref="DomainRuleException">The actor may only read, or a list is longer than <see cref="MaxPeople"/>.</exception>
        /// <exception cref="NotFoundException">The zone or a person is not the actor's enterprise's.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            var wanted = command.Whitelisted.Distinct().Select(id => (id, ZonePersonRole.Whitelisted))
                .Concat(command.Required.Distinct().Select(id => (id, ZonePersonRole.Required))).ToList();
            if (command.Whitelisted.Distinct().Count() > MaxPeople || command.Required.Distinct().Count() > MaxPeople)
            {
                throw new DomainRuleException(CoreText.Get("Positioning.ZonePeople.TooMany"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var zone = await db.Set<Zone>().SingleOrDefaultAsync(z => z.Id == command.ZoneId && z.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Zone.NotFound"));
            var personIds = wanted.Select(w => w.id).Distinct().ToList();
            if (await db.Set<Person>().CountAsync(p => p.EnterpriseId == enterpriseId && personIds.Contains(p.Id), cancellationToken) != personIds.Count)
            {
                throw new NotFoundException(CoreText.Get("Positioning.ZonePeople.PersonNotFound"));
            }

            var existing = await db.Set<ZonePersonLink>().Where(l => l.ZoneId == zone.Id).ToListAsync(cancellationToken);
            db.RemoveRange(existing.Where(l => !wanted.Contains((l.PersonId, l.Role))));
            db.AddRange(wanted.Where(w => !existing.Any(l => l.PersonId == w.id && l.Role == w.Item2)).Select(w => new ZonePersonLink(zone, w.id, w.Item2)));
            await db.SaveChangesAsync(cancellationToken);
            changes.Changed(enterpriseId);
        }
    }
}
