using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>One person of the enterprise with their certificates and every tag they held.</summary>
public static class GetPerson
{
    public sealed record View(
        Guid Id, string Name, PersonTypes Type, string? Company, TrainingStatus Training, DateTimeOffset CreatedAt,
        IReadOnlyList<ListPersons.Certificate> Certificates, IReadOnlyList<Binding> Bindings);

    public sealed record Binding(Guid Id, Guid TagId, string TagSerial, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? ReturnedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the registry.</exception>
        /// <exception cref="NotFoundException">No such person in the actor's enterprise.</exception>
        public async Task<View> HandleAsync(Actor actor, Guid personId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Set<Person>().AsNoTracking()
                .Where(p => p.Id == personId && p.EnterpriseId == enterpriseId)
                .Select(p => new View(
                    p.Id, p.Name, p.Type, p.Company, p.Training, p.CreatedAt,
                    p.Certificates.OrderBy(c => c.ExpiresOn).Select(c => new ListPersons.Certificate(c.Id, c.Name, c.Number, c.ExpiresOn)).ToList(),
                    db.Set<TagBinding>().Where(b => b.PersonId == p.Id).OrderByDescending(b => b.ValidFrom)
                        .Join(db.Set<PositioningTag>(), b => b.TagId, t => t.Id, (b, t) => new Binding(b.Id, t.Id, t.Serial, b.ValidFrom, b.ValidUntil, b.ReturnedAt))
                        .ToList()))
                .AsSplitQuery()
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Person.NotFound"));
        }
    }
}
