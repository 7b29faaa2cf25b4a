using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>Who holds which tag (and who held it): searchable by serial, name or company, sortable, paged.</summary>
public static class ListTagBindings
{
    /// <param name="Search">Matches the tag's serial, the person's name or company (case-insensitive substring).</param>
    /// <param name="Held">True: only bindings not returned (who holds which tag now); false: only returned ones; null: all.</param>
    public sealed record Query(string? Search = null, bool? Held = true, RegistrySort Sort = RegistrySort.CreatedAt, bool Descending = true, int Page = 1, int PageSize = 20);

    public sealed record Row(
        Guid Id, Guid TagId, string TagSerial, TagKind TagKind, Guid PersonId, string PersonName, PersonTypes PersonType,
        string? Company, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? ReturnedAt, string? EscortName = null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the registry.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = from b in db.Set<TagBinding>().AsNoTracking().Where(b => b.EnterpriseId == enterpriseId)
                       join t in db.Set<PositioningTag>() on b.TagId equals t.Id
                       join p in db.Set<Person>() on b.PersonId equals p.Id
                       select new { b, t, p };
            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                rows = rows.Where(r => EF.Functions.ILike(r.t.Serial, pattern, "\\") || EF.Functions.ILike(r.p.Name, pattern, "\\")
                    || (r.p.Company != null && EF.Functions.ILike(r.p.Company, pattern, "\\")));
            }

            if (query.Held is { } held)
            {
                rows = held ? rows.Where(r => r.b.ReturnedAt == null) : rows.Where(r => r.b.ReturnedAt != null);
            }

            var total = await rows.CountAsync(cancellationToken);
            rows = (query.Sort, query.Descending) switch
            {
                (RegistrySort.Name, false) => rows.OrderBy(r => r.t.Serial).ThenBy(r => r.b.Id),
                (RegistrySort.Name, true) => rows.OrderByDescending(r => r.t.Serial).ThenBy(r => r.b.Id),
                (RegistrySort.Type, false) => rows.OrderBy(r => r.p.Type).ThenBy(r => r.p.Name),
                (RegistrySort.Type, true) => rows.OrderByDescending(r => r.p.Type).ThenBy(r => r.p.Name),
                (_, false) => rows.OrderBy(r => r.b.ValidFrom).ThenBy(r => r.b.Id),
                (_, true) => rows.OrderByDescending(r => r.b.ValidFrom).ThenBy(r => r.b.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await rows.Skip((page - 1) * size).Take(size)
                .Select(r => new Row(
                    r.b.Id, r.t.Id, r.t.Serial, r.t.Kind, r.p.Id, r.p.Name, r.p.Type, r.p.Company,
                    r.b.ValidFrom, r.b.ValidUntil, r.b.ReturnedAt,
                    db.Set<Person>().Where(e => e.Id == r.b.EscortPersonId).Select(e => e.Name).FirstOrDefault()))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
