using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>A draft hidden-danger report opened by an inspection record, with where it was found and its photos.</summary>
public static class GetHiddenDangerDraft
{
    public sealed record Query(Guid Id);

    /// <param name="ReportedAt">UTC.</param>
    /// <param name="PhotoIds">Viewable through <see cref="Photos.GetPhoto"/>.</param>
    public sealed record Draft(
        Guid Id, HiddenDangerState State, string Name, string Description, HiddenDangerLevel Level, InspectionSource Source,
        Guid? RecordId, Guid? MeasureId, Guid? UnitId, string? UnitName, string? ObjectName, DateTimeOffset ReportedAt, string ReportedByName,
        IReadOnlyList<Guid> PhotoIds);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such hidden danger in the caller's scope.</exception>
        public async Task<Draft> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var draft = await db.HiddenDangers.AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("HiddenDanger.NotFound"));
            var place = await (
                    from u in db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)
                    where u.Id == draft.UnitId
                    join o in db.RiskAnalysisObjects.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly) on u.ObjectId equals o.Id
                    select new { UnitName = u.Name, ObjectName = o.Name })
                .FirstOrDefaultAsync(cancellationToken);
            var photoIds = await db.Photos.Where(p => p.HiddenDangerId == draft.Id).OrderBy(p => p.UploadedAt).Select(p => p.Id).ToListAsync(cancellationToken);
            return new Draft(
                draft.Id, draft.State, draft.Name, draft.Description, draft.Level, draft.Source, draft.RecordId, draft.MeasureId, draft.UnitId,
                place?.UnitName, place?.ObjectName, draft.ReportedAt, draft.ReportedByName, photoIds);
        }
    }
}
