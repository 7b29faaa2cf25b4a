using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's people with their certificates and the tag each holds now: searchable by name, company or
/// certificate number, filtered by type, sortable, paged. Kept by the safety department only
/// (docs/domain/positioning.md#45-retention-and-privacy).
/// </summary>
public static class ListPersons
{
    /// <param name="Search">Matches the name, the company or a certificate's number (case-insensitive substring).</param>
    public sealed record Query(string? Search = null, PersonTypes? Type = null, RegistrySort Sort = RegistrySort.Name, bool Descending = false, int Page = 1, int PageSize = 20);

    public sealed record Certificate(Guid Id, string Name, string Number, DateOnly ExpiresOn);

    /// <summary>A person; <see cref="TagSerial"/> is the tag they hold now, if any.</summary>
    public sealed record Row(
        Guid Id, string Name, PersonTypes Type, string? Company, TrainingStatus Training, DateTimeOffset CreatedAt,
        IReadOnlyList<Certificate> Certificates, Guid? BindingId, string? TagSerial);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the registry.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var people = db.Set<Person>().AsNoTracking().Where(p => p.EnterpriseId == enterpriseId);
            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                people = people.Where(p => EF.Functions.ILike(p.Name, pattern, "\\")
                    || (p.Company != null && EF.Functions.ILike(p.Company, pattern, "\\"))
                    || p.Certificates.Any(c => EF.Functions.ILike(c.Number, pattern, "\\")));
            }

            if (query.Type is { } type)
            {
                people = people.Where(p => p.Type == type);
            }

            var total = await people.CountAsync(cancellationToken);
            people = (query.Sort, query.Descending) switch
            {
                (RegistrySort.CreatedAt, false) => people.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
                (RegistrySort.CreatedAt, true) => people.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id),
                (RegistrySort.Type, false) => people.OrderBy(p => p.Type).ThenBy(p => p.Name),
                (RegistrySort.Type, true) => people.OrderByDescending(p => p.Type).ThenBy(p => p.Name),
                (_, false) => people.OrderBy(p => p.Name).ThenBy(p => p.Id),
                (_, true) => people.OrderByDescending(p => p.Name).ThenBy(p => p.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await people.Skip((page - 1) * size).Take(size)
                .Select(p => new Row(
                    p.Id, p.Name, p.Type, p.Company, p.Training, p.CreatedAt,
                    p.Certificates.OrderBy(c => c.ExpiresOn).Select(c => new Certificate(c.Id, c.Name, c.Number, c.ExpiresOn)).ToList(),
                    db.Set<TagBinding>().Where(b => b.PersonId == p.Id && b.ReturnedAt == null).Select(b => (Guid?)b.Id).FirstOrDefault(),
                    db.Set<TagBinding>().Where(b => b.PersonId == p.Id && b.ReturnedAt == null)
                        .Join(db.Set<PositioningTag>(), b => b.TagId, t => t.Id, (b, t) => t.Serial).FirstOrDefault()))
                .AsSplitQuery()
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
