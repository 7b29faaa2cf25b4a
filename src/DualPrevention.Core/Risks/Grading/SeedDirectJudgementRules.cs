using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Gives the province (370000) version 1 of <see cref="DirectJudgementRule.ProvinceDefault"/> when it has no rule of that condition; reference data (ADR 0033).</summary>
public static class SeedDirectJudgementRules
{
    public static async Task RunAsync(DualPreventionDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (condition, level) = DirectJudgementRule.ProvinceDefault;
        if (!await db.DirectJudgementRules.AnyAsync(r => r.RegionCode == SeedRiskBandTables.ProvinceCode && r.Condition == condition, cancellationToken))
        {
            db.DirectJudgementRules.Add(DirectJudgementRule.Create(SeedRiskBandTables.ProvinceCode, condition, 1, level, true, WorldDates.Start, "system", now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
