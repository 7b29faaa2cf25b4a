using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>The live risk analysis objects in the caller's scope, by code, paged.</summary>
public static class ListRiskAnalysisObjects
{
    /// <param name="EnterpriseId">One enterprise (regulators); enterprise users see only their own anyway.</param>
    /// <param name="Search">Substring of code or name.</param>
    public sealed record Query(Guid? EnterpriseId = null, string? Search = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<GetRiskAnalysisObject.View>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var objects = db.RiskAnalysisObjects.AsQueryable();
            if (query.EnterpriseId is { } enterpriseId)
            {
                objects = objects.Where(o => o.EnterpriseId == enterpriseId);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                objects = objects.Where(o => EF.Functions.ILike(o.HazardCode, pattern, "\\") || EF.Functions.ILike(o.Name, pattern, "\\"));
            }

            var total = await objects.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await GetRiskAnalysisObject.Handler.Project(db, objects.OrderBy(o => o.HazardCode).ThenBy(o => o.Id).Skip((page - 1) * size).Take(size))
                .ToListAsync(cancellationToken);
            return new Paged<GetRiskAnalysisObject.View>(rows, total, page, size);
        }
    }
}
