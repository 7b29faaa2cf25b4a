using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>The live 停用检修 periods of one risk analysis unit (docs/domain/dual-prevention.md#56-deactivation-periods), latest first.</summary>
public static class ListDeactivationRecords
{
    /// <param name="StopStartAt">UTC, inclusive.</param>
    /// <param name="StopEndAt">UTC, exclusive.</param>
    public sealed record Row(Guid Id, Guid UnitId, DateTimeOffset StopStartAt, DateTimeOffset StopEndAt, string Reason);

    /// <param name="UnitName">The unit's name, for the page title.</param>
    public sealed record Result(Guid UnitId, string UnitName, IReadOnlyList<Row> Records);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live unit with this id in the caller's scope.</exception>
        public async Task<Result> HandleAsync(Guid unitId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var unitName = await db.RiskAnalysisUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            var rows = await db.DeactivationRecords.AsNoTracking()
                .Where(r => r.UnitId == unitId)
                .OrderByDescending(r => r.StopStartAt)
                .Select(r => new Row(r.Id, r.UnitId, r.StopStartAt, r.StopEndAt, r.Reason))
                .ToListAsync(cancellationToken);
            return new Result(unitId, unitName, rows);
        }
    }
}
