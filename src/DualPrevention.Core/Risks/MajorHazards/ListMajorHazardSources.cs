using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>The live major hazard sources in the caller's scope, most severe level first, paged.</summary>
public static class ListMajorHazardSources
{
    /// <param name="EnterpriseId">One enterprise (regulators).</param>
    /// <param name="Search">Substring of code or name.</param>
    public sealed record Query(Guid? EnterpriseId = null, string? Search = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<GetMajorHazardSource.View>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var sources = db.MajorHazardSources.AsQueryable();
            if (query.EnterpriseId is { } enterpriseId)
            {
                sources = sources.Where(m => m.EnterpriseId == enterpriseId);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                sources = sources.Where(m => EF.Functions.ILike(m.HazardCode, pattern, "\\") || EF.Functions.ILike(m.Name, pattern, "\\"));
            }

            var total = await sources.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var ordered = sources.OrderBy(m => m.Level).ThenBy(m => m.HazardCode).ThenBy(m => m.Id).Skip((page - 1) * size).Take(size);
            var rows = await GetMajorHazardSource.Handler.Project(db, ordered).ToListAsync(cancellationToken);
            return new Paged<GetMajorHazardSource.View>(rows, total, page, size);
        }
    }
}
