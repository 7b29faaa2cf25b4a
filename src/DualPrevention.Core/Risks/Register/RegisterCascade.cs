using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// Finds the live rows below a register row, tracked, so that a delete reaches them too and each gets its own
/// audit entry (ADR 0005).
/// </summary>
internal static class RegisterCascade
{
    public static async Task<IReadOnlyList<RegisterRow>> BelowObjectAsync(DualPreventionDbContext db, Guid objectId, CancellationToken cancellationToken)
    {
        var units = await db.RiskAnalysisUnits.Where(u => u.ObjectId == objectId).ToListAsync(cancellationToken);
        var below = await BelowUnitsAsync(db, units.Select(u => u.Id).ToList(), cancellationToken);
        return [.. units, .. below];
    }

    public static async Task<IReadOnlyList<RegisterRow>> BelowUnitsAsync(DualPreventionDbContext db, IReadOnlyCollection<Guid> unitIds, CancellationToken cancellationToken)
    {
        var events = await db.RiskEvents.Where(e => unitIds.Contains(e.UnitId)).ToListAsync(cancellationToken);
        var measures = await BelowEventsAsync(db, events.Select(e => e.Id).ToList(), cancellationToken);
        return [.. events, .. measures];
    }

    public static async Task<IReadOnlyList<RegisterRow>> BelowEventsAsync(DualPreventionDbContext db, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken) =>
        await db.ControlMeasures.Where(m => eventIds.Contains(m.EventId)).ToListAsync(cancellationToken);

    /// <summary>Marks every row deleted and returns how many.</summary>
    public static int SoftDelete(IReadOnlyCollection<RegisterRow> rows, DateTimeOffset now)
    {
        foreach (var row in rows)
        {
            row.SoftDelete(now);
        }

        return rows.Count;
    }
}
