using DualPrevention.Core.Data;
using DualPrevention.Core.Risks.Grading;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Gathers what direct judgement needs for an event of a unit (ADR 0033): the region's rules in force and the unit's major hazard level.</summary>
internal static class UnitDirectJudgement
{
    public static async Task<DirectJudgement> ForUnitAsync(DualPreventionDbContext db, Guid unitId, string countyCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(await DirectJudgementRules.InForceAsync(db, countyCode, now, cancellationToken), await MajorHazardLevelAsync(db, unitId, cancellationToken));

    /// <summary>The highest level (一级 highest) of the live major hazard sources linked to the unit's object, or null for none.</summary>
    private static async Task<MajorHazardLevel?> MajorHazardLevelAsync(DualPreventionDbContext db, Guid unitId, CancellationToken cancellationToken) =>
        await (
                from u in db.RiskAnalysisUnits
                where u.Id == unitId
                join o in db.RiskAnalysisObjects on u.ObjectId equals o.Id
                join m in db.MajorHazardSources on o.MajorHazardSourceId equals m.Id
                select (MajorHazardLevel?)m.Level)
            .MinAsync(cancellationToken);
}
