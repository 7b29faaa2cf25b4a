using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 作业冲突看板 (ADR 0045): an enterprise's permits of one Beijing day (planned to work on it, neither drafts nor
/// cancelled nor voided) with their work points and fences, and the exclusion rules
/// (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions) between those still open.
/// </summary>
public static class GetPermitBoard
{
    private static readonly WorkPermitStatus[] Hidden = [WorkPermitStatus.Draft, WorkPermitStatus.Cancelled, WorkPermitStatus.Voided];

    private static readonly WorkPermitStatus[] Open =
        [WorkPermitStatus.Preparing, WorkPermitStatus.InApproval, WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended];

    /// <summary>A permit on the board; the fence's corners in plan metres, empty without a work point.</summary>
    public sealed record Permit(
        Guid Id, string Number, SpecialOperationType Type, WorkPermitStatus Status, string LocationText, Guid? SitePlanId, PlanCoordinate? Point,
        IReadOnlyList<PlanCoordinate> Fence, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd);

    /// <summary>A rule between two of the day's open permits: a conflict, or a distance to confirm by hand.</summary>
    public sealed record Conflict(Guid PermitId, string Number, Guid OtherPermitId, string OtherNumber, SimultaneousRule Rule, bool Measured, double? DistanceMeters);

    public sealed record Board(DateOnly Day, IReadOnlyList<Permit> Permits, IReadOnlyList<Conflict> Conflicts);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <summary>The board of <paramref name="enterpriseId"/> on <paramref name="day"/>, read in the caller's tenant scope (another enterprise's is empty).</summary>
        public async Task<Board> HandleAsync(Guid enterpriseId, DateOnly day, CancellationToken cancellationToken)
        {
            var (from, to) = (BusinessTime.FromLocal(day.ToDateTime(TimeOnly.MinValue)), BusinessTime.FromLocal(day.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ofTheDay = db.Set<WorkPermit>().Where(p => p.EnterpriseId == enterpriseId && !Hidden.Contains(p.Status) && p.PlannedStart < to && p.PlannedEnd > from);
            var rows = await ofTheDay.AsNoTracking().OrderBy(p => p.PlannedStart).ThenBy(p => p.Number)
                .Select(p => new { p.Id, p.Number, p.Type, p.Status, p.LocationText, p.SitePlanId, p.WorkPoint, p.WorkFence, p.PlannedStart, p.PlannedEnd })
                .ToListAsync(cancellationToken);
            var open = await CheckSimultaneousOperations.FootprintsAsync(db, ofTheDay.Where(p => Open.Contains(p.Status)), cancellationToken);
            var conflicts = new List<Conflict>();
            for (var i = 0; i < open.Count; i++)
            {
                for (var j = i + 1; j < open.Count; j++)
                {
                    var (a, b) = (open[i], open[j]);
                    if (SimultaneousOperations.Overlap(a, b))
                    {
                        conflicts.AddRange(SimultaneousOperations.Between(a, b).Select(f => new Conflict(a.Id, a.Number, b.Id, b.Number, f.Rule, f.Measured, f.DistanceMeters)));
                    }
                }
            }

            return new Board(day, [.. rows.Select(r => new Permit(
                r.Id, r.Number, r.Type, r.Status, r.LocationText, r.SitePlanId, r.WorkPoint is null ? null : new PlanCoordinate(r.WorkPoint.X, r.WorkPoint.Y),
                GetWorkPermit.Corners(r.WorkFence), r.PlannedStart, r.PlannedEnd))], conflicts);
        }
    }
}
