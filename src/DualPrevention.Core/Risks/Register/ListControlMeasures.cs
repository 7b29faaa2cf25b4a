using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>The live control measures in the caller's scope, in the order they were added, paged.</summary>
public static class ListControlMeasures
{
    /// <param name="EventId">One event's measures.</param>
    /// <param name="EnterpriseId">One enterprise (regulators).</param>
    /// <param name="Classify1">Only measures of this class.</param>
    /// <param name="Search">Substring of the description or the inspection content.</param>
    public sealed record Query(Guid? EventId = null, Guid? EnterpriseId = null, MeasureClassify1? Classify1 = null, string? Search = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Paged<GetControlMeasure.View>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var measures = db.ControlMeasures.AsNoTracking();
            if (query.EventId is { } eventId)
            {
                measures = measures.Where(m => m.EventId == eventId);
            }

            if (query.EnterpriseId is { } enterpriseId)
            {
                measures = measures.Where(m => m.EnterpriseId == enterpriseId);
            }

            if (query.Classify1 is { } classify1)
            {
                measures = measures.Where(m => m.Classify1 == classify1);
            }

            if (RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                measures = measures.Where(m => EF.Functions.ILike(m.Description, pattern, "\\") || EF.Functions.ILike(m.InspectionContent!, pattern, "\\"));
            }

            var total = await measures.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await measures.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
            return new Paged<GetControlMeasure.View>(rows.Select(GetControlMeasure.Handler.ToView).ToList(), total, page, size);
        }
    }
}
