using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>The people named on a zone's whitelist and on its list of people required there, by name.</summary>
public static class GetZonePeople
{
    public sealed record Person(Guid Id, string Name, PersonTypes Type, string? Company);

    public sealed record Result(Guid ZoneId, string ZoneName, IReadOnlyList<Person> Whitelisted, IReadOnlyList<Person> Required);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the enterprise's zones.</exception>
        /// <exception cref="NotFoundException">The zone is not the actor's enterprise's.</exception>
        public async Task<Result> HandleAsync(Actor actor, Guid zoneId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var zone = await db.Set<Zone>().AsNoTracking().Where(z => z.Id == zoneId && z.EnterpriseId == enterpriseId)
                .Select(z => new { z.Id, z.Name }).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Zone.NotFound"));
            var people = await (from l in db.Set<ZonePersonLink>().AsNoTracking().Where(l => l.ZoneId == zoneId)
                                join p in db.Set<Positioning.Person>() on l.PersonId equals p.Id
                                orderby p.Name, p.Id
                                select new { l.Role, Person = new Person(p.Id, p.Name, p.Type, p.Company) }).ToListAsync(cancellationToken);
            return new Result(
                zone.Id,
                zone.Name,
                [.. people.Where(p => p.Role == ZonePersonRole.Whitelisted).Select(p => p.Person)],
                [.. people.Where(p => p.Role == ZonePersonRole.Required).Select(p => p.Person)]);
        }
    }
}
