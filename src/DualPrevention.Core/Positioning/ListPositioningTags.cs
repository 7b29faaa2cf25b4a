using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's tags with whoever holds each now: searchable by serial or holder, sortable, paged.</summary>
public static class ListPositioningTags
{
    /// <param name="Search">Matches the serial or the holder's name (case-insensitive substring).</param>
    /// <param name="Free">True: only tags nobody holds; false: only held ones; null: all.</param>
    public sealed record Query(string? Search = null, TagKind? Kind = null, bool? Free = null, RegistrySort Sort = RegistrySort.Name, bool Descending = false, int Page = 1, int PageSize = 20);

    /// <summary>A tag; the holder's fields are null while nobody holds it.</summary>
    public sealed record Row(
        Guid Id, string Serial, TagKind Kind, DateTimeOffset CreatedAt,
        Guid? BindingId, Guid? HolderId, string? HolderName, PersonTypes? HolderType, DateTimeOffset? HeldUntil);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="DomainRuleException">The actor does not keep the registry.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rows = from t in db.Set<PositioningTag>().AsNoTracking().Where(t => t.EnterpriseId == enterpriseId)
                       from b in db.Set<TagBinding>().Where(b => b.TagId == t.Id && b.ReturnedAt == null).DefaultIfEmpty()
                       from p in db.Set<Person>().Where(p => b != null && p.Id == b.PersonId).DefaultIfEmpty()
                       select new { t, b, p };
            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                rows = rows.Where(r => EF.Functions.ILike(r.t.Serial, pattern, "\\") || (r.p != null && EF.Functions.ILike(r.p.Name, pattern, "\\")));
            }

            if (query.Kind is { } kind)
            {
                rows = rows.Where(r => r.t.Kind == kind);
            }

            if (query.Free is { } free)
            {
                rows = free ? rows.Where(r => r.b == null) : rows.Where(r => r.b != null);
            }

            var total = await rows.CountAsync(cancellationToken);
            rows = (query.Sort, query.Descending) switch
            {
                (RegistrySort.CreatedAt, false) => rows.OrderBy(r => r.t.CreatedAt).ThenBy(r => r.t.Id),
                (RegistrySort.CreatedAt, true) => rows.OrderByDescending(r => r.t.CreatedAt).ThenBy(r => r.t.Id),
                (RegistrySort.Type, false) => rows.OrderBy(r => r.t.Kind).ThenBy(r => r.t.Serial),
                (RegistrySort.Type, true) => rows.OrderByDescending(r => r.t.Kind).ThenBy(r => r.t.Serial),
                (_, false) => rows.OrderBy(r => r.t.Serial).ThenBy(r => r.t.Id),
                (_, true) => rows.OrderByDescending(r => r.t.Serial).ThenBy(r => r.t.Id),
            };
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var items = await rows.Skip((page - 1) * size).Take(size)
                .Select(r => new Row(
                    r.t.Id, r.t.Serial, r.t.Kind, r.t.CreatedAt,
                    r.b == null ? null : r.b.Id, r.p == null ? null : r.p.Id, r.p == null ? null : r.p.Name,
                    r.p == null ? null : r.p.Type, r.b == null ? null : r.b.ValidUntil))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(items, total, page, size);
        }
    }
}
