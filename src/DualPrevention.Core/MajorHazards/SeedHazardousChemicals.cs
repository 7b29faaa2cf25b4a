using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.MajorHazards;

/// <summary>Seeds the shared catalogue with the 85 rows of GB 18218-2018 Table 1 (docs/domain/major-hazards.md#9-the-threshold-table); rows present are left alone.</summary>
public static class SeedHazardousChemicals
{
    /// <returns>How many rows were added.</returns>
    public static async Task<int> RunAsync(DualPreventionDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var present = await db.HazardousChemicals.Where(c => c.TableRow != null).Select(c => c.TableRow!.Value).ToListAsync(cancellationToken);
        var missing = ListedSubstances.All.Where(row => !present.Contains(row.Row)).Select(row => HazardousChemical.Seeded(row, now)).ToList();
        db.HazardousChemicals.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }
}
