using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>The catalogue the reader may pick from: Table 1's shared rows and the enterprise's own, searched by name or CAS number.</summary>
public static class SearchHazardousChemicals
{
    /// <param name="Id">Only this substance: the row of one just added.</param>
    public sealed record Query(string? Search = null, int Page = 1, int PageSize = 20, Guid? Id = null);

    /// <param name="IsShared">A seeded Table 1 row (no enterprise).</param>
    public sealed record Row(
        Guid Id, int? TableRow, string? Cas, string NameZh, string NameEn, IReadOnlyList<string> HazardClasses, decimal? ThresholdQuantity, decimal? NamedBeta, bool IsShared);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var chemicals = db.HazardousChemicals.AsNoTracking();
            if (query.Id is { } id)
            {
                chemicals = chemicals.Where(c => c.Id == id);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                chemicals = chemicals.Where(c => EF.Functions.ILike(c.NameZh, pattern, "\\") || EF.Functions.ILike(c.NameEn, pattern, "\\")
                                                 || (c.Cas != null && EF.Functions.ILike(c.Cas, pattern, "\\")));
            }

            var total = await chemicals.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await chemicals.OrderBy(c => c.TableRow == null).ThenBy(c => c.TableRow).ThenBy(c => c.NameZh).ThenBy(c => c.Id)
                .Skip((page - 1) * size).Take(size)
                .Select(c => new Row(c.Id, c.TableRow, c.Cas, c.NameZh, c.NameEn, c.HazardClassSymbols, c.ThresholdQuantity, c.NamedBeta, c.EnterpriseId == null))
                .ToListAsync(cancellationToken);
            return new Paged<Row>(rows, total, page, size);
        }
    }
}
