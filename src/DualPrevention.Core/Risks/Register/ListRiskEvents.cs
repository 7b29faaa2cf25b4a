using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>The live risk events in the caller's scope, in the order they were added, paged.</summary>
public static class ListRiskEvents
{
    /// <param name="UnitId">One unit's events.</param>
    /// <param name="EnterpriseId">One enterprise (regulators).</param>
    /// <param name="Level">Only events of this level.</param>
    /// <param name="Search">Substring of the name.</param>
    public sealed record Query(Guid? UnitId = null, Guid? EnterpriseId = null, RiskLevel? Level = null, string? Search = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<GetRiskEvent.View>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var events = db.RiskEvents.AsQueryable();
            if (query.UnitId is { } unitId)
            {
                events = events.Where(e => e.UnitId == unitId);
            }

            if (query.EnterpriseId is { } enterpriseId)
            {
                events = events.Where(e => e.EnterpriseId == enterpriseId);
            }

            if (query.Level is { } level)
            {
                events = events.Where(e => e.Level == level);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                events = events.Where(e => EF.Functions.ILike(e.Name, pattern, "\\"));
            }

            var total = await events.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await GetRiskEvent.Handler.Project(db, events.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Skip((page - 1) * size).Take(size))
                .ToListAsync(cancellationToken);
            return new Paged<GetRiskEvent.View>(rows, total, page, size);
        }
    }
}
