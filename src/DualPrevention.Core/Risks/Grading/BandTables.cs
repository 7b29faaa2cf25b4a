using DualPrevention.Core.Data;
using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Finds the band table in force for an enterprise: its city's newest effective version, else its province's.</summary>
public static class BandTables
{
    /// <exception cref="InvalidOperationException">Neither city nor province has a table for the method (reference data missing).</exception>
    public static async Task<RiskBandTable> InForceAsync(DualPreventionDbContext db, AssessmentMethod method, string countyCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var city = RegionCodes.CityOf(countyCode);
        var province = string.Concat(countyCode.AsSpan(0, 2), "0000");
        var candidates = await db.RiskBandTables.AsNoTracking()
            .Where(t => t.Method == method && (t.RegionCode == city || t.RegionCode == province) && t.EffectiveFrom <= now)
            .ToListAsync(cancellationToken);
        return candidates
            .OrderBy(t => t.RegionCode == city ? 0 : 1)
            .ThenByDescending(t => t.Version)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No {method} band table for {city} or {province}.");
    }
}
