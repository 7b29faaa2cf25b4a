using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Gives the province (370000) version 1 of each method's default bands (docs/domain/dual-prevention.md#43-ls-bands, docs/domain/dual-prevention.md#45-lec) when it has none; reference data.</summary>
public static class SeedRiskBandTables
{
    /// <summary>The province whose defaults are seeded.</summary>
    public const string ProvinceCode = "370000";

    public static async Task RunAsync(DualPreventionDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var present = await db.RiskBandTables.Where(t => t.RegionCode == ProvinceCode).Select(t => t.Method).Distinct().ToListAsync(cancellationToken);
        foreach (var method in Enum.GetValues<AssessmentMethod>().Where(m => !present.Contains(m)))
        {
            db.RiskBandTables.Add(RiskBandTable.Create(Guid.CreateVersion7(), ProvinceCode, method, 1, WorldDates.Start, RiskGrading.DefaultBands(method)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
