using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 交叉作业检查 (docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions, ADR 0045): a permit against the
/// enterprise's issued permits (approved, in progress, suspended) whose planned times overlap its own. The last approval
/// signature and the start refuse on any conflict and on any unmeasurable distance rule not yet confirmed by hand.
/// </summary>
public static class CheckSimultaneousOperations
{
    /// <summary>The states in which a permit's work may be going on: issued and not yet finished.</summary>
    public static readonly WorkPermitStatus[] Issued = [WorkPermitStatus.Approved, WorkPermitStatus.InProgress, WorkPermitStatus.Suspended];

    /// <summary>One finding with who confirmed it by hand, where it is an unmeasurable rule that was confirmed.</summary>
    public sealed record Item(
        SimultaneousRule Rule, Guid OtherPermitId, string OtherNumber, bool Measured, double? DistanceMeters, string? ConfirmedByName, DateTimeOffset? ConfirmedAt)
    {
        /// <summary>Whether this finding stops the permit: a conflict, or a check not yet confirmed.</summary>
        public bool Blocks => Measured || ConfirmedAt is null;
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such permit in the reader's scope.</exception>
        public async Task<IReadOnlyList<Item>> HandleAsync(Guid permitId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permit = await db.Set<WorkPermit>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == permitId, cancellationToken)
                ?? throw new NotFoundException(Localization.CoreText.Get("Permit.NotFound"));
            return await ItemsAsync(db, permit, cancellationToken);
        }
    }

    /// <summary>The reasons a permit may not be issued or started now: every blocking finding.</summary>
    internal static async Task<IReadOnlyList<PermitRefusal>> RefusalsAsync(DualPreventionDbContext db, WorkPermit permit, CancellationToken cancellationToken) =>
        [.. (await ItemsAsync(db, permit, cancellationToken)).Where(i => i.Blocks).Select(i => new SimultaneousFinding(i.Rule, i.OtherPermitId, i.OtherNumber, i.Measured, i.DistanceMeters).Refusal)];

    /// <summary>The permit's findings against the enterprise's issued permits, with their confirmations.</summary>
    internal static async Task<IReadOnlyList<Item>> ItemsAsync(DualPreventionDbContext db, WorkPermit permit, CancellationToken cancellationToken)
    {
        var others = await FootprintsAsync(db, db.Set<WorkPermit>().Where(p =>
            p.EnterpriseId == permit.EnterpriseId && p.Id != permit.Id && Issued.Contains(p.Status)
            && p.PlannedStart < permit.PlannedEnd && p.PlannedEnd > permit.PlannedStart), cancellationToken);
        var self = (await FootprintsAsync(db, db.Set<WorkPermit>().Where(p => p.Id == permit.Id), cancellationToken)).Single();
        var findings = SimultaneousOperations.Check(self, others);
        var confirmations = findings.Any(f => !f.Measured)
            ? await db.Set<SimultaneousCheckConfirmation>().AsNoTracking().Where(c => c.PermitId == permit.Id).ToListAsync(cancellationToken)
            : [];
        return [.. findings.Select(f =>
        {
            var confirmed = f.Measured ? null : confirmations.FirstOrDefault(c => c.Rule == f.Rule && c.OtherPermitId == f.OtherPermitId);
            return new Item(f.Rule, f.OtherPermitId, f.OtherNumber, f.Measured, f.DistanceMeters, confirmed?.ConfirmedByName, confirmed?.ConfirmedAt);
        })];
    }

    /// <summary>The footprints of the permits <paramref name="query"/> selects, each with the confirmed space it works in.</summary>
    internal static async Task<List<PermitFootprint>> FootprintsAsync(DualPreventionDbContext db, IQueryable<WorkPermit> query, CancellationToken cancellationToken)
    {
        var rows = await query.AsNoTracking()
            .Select(p => new { p.Id, p.Number, p.Type, p.Details, p.Activities, p.SitePlanId, p.WorkPoint, p.LinkedPermitIds, p.PlannedStart, p.PlannedEnd })
            .ToListAsync(cancellationToken);
        var linkedIds = rows.Where(r => r.Type == SpecialOperationType.HotWork).SelectMany(r => r.LinkedPermitIds).Distinct().ToList();
        var spaces = linkedIds.Count == 0
            ? []
            : await db.Set<WorkPermit>().AsNoTracking().Where(p => linkedIds.Contains(p.Id) && p.Type == SpecialOperationType.ConfinedSpace)
                .Select(p => new { p.Id, p.Details }).ToDictionaryAsync(p => p.Id, p => ((ConfinedSpaceDetails)p.Details).SpaceName, cancellationToken);
        return [.. rows.Select(r => new PermitFootprint(
            r.Id, r.Number, r.Type, r.Details, r.Activities, r.SitePlanId, r.WorkPoint is null ? null : new PlanCoordinate(r.WorkPoint.X, r.WorkPoint.Y),
            r.Details is ConfinedSpaceDetails own ? own.SpaceName : r.LinkedPermitIds.Select(id => spaces.GetValueOrDefault(id)).FirstOrDefault(s => s is not null),
            r.PlannedStart, r.PlannedEnd))];
    }
}
