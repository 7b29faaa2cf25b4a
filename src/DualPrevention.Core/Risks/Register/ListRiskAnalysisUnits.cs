using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>The live risk analysis units in the caller's scope, in the order they were added, paged.</summary>
public static class ListRiskAnalysisUnits
{
    /// <param name="ObjectId">One object's units.</param>
    /// <param name="EnterpriseId">One enterprise (regulators).</param>
    /// <param name="Search">Substring of the name.</param>
    public sealed record Query(Guid? ObjectId = null, Guid? EnterpriseId = null, string? Search = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<GetRiskAnalysisUnit.View>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var units = db.RiskAnalysisUnits.AsQueryable();
            if (query.ObjectId is { } objectId)
            {
                units = units.Where(u => u.ObjectId == objectId);
            }

            if (query.EnterpriseId is { } enterpriseId)
            {
                units = units.Where(u => u.EnterpriseId == enterpriseId);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                units = units.Where(u => EF.Functions.ILike(u.Name, pattern, "\\"));
            }

            var total = await units.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await GetRiskAnalysisUnit.Handler.Project(db, units.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Skip((page - 1) * size).Take(size))
                .ToListAsync(cancellationToken);
            return new Paged<GetRiskAnalysisUnit.View>(rows, total, page, size);
        }
    }
}
