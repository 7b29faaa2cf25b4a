using DualPrevention.Core.Data;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The enterprise's register as stored, soft-deleted rows included (a re-import of their natural key restores
/// them), untracked: the import changes copies and writes them set-based.
/// </summary>
internal sealed record ExistingRegister(
    IReadOnlyList<RiskAnalysisObject> Objects, IReadOnlyList<RiskAnalysisUnit> Units, IReadOnlyList<RiskEvent> Events, IReadOnlyList<ControlMeasure> Measures)
{
    public static async Task<ExistingRegister> LoadAsync(DualPreventionDbContext db, Guid enterpriseId, CancellationToken cancellationToken)
    {
        var objects = await db.RiskAnalysisObjects.AsNoTracking().IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).Where(o => o.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        var units = await db.RiskAnalysisUnits.AsNoTracking().IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).Where(u => u.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        var events = await db.RiskEvents.AsNoTracking().IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).Where(e => e.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        var measures = await db.ControlMeasures.AsNoTracking().IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).Where(m => m.EnterpriseId == enterpriseId).ToListAsync(cancellationToken);
        return new ExistingRegister(objects, units, events, measures);
    }
}
