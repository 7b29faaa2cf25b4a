using DualPrevention.Core.Data;
using DualPrevention.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Finds the direct-judgement rules in force for an enterprise and the one that decides an event's level (ADR 0033).</summary>
public static class DirectJudgementRules
{
    /// <summary>Per condition, its city's newest effective version, else its province's; switched-off versions included, so a city can decline.</summary>
    public static async Task<IReadOnlyList<DirectJudgementRule>> InForceAsync(DualPreventionDbContext db, string countyCode, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var city = RegionCodes.CityOf(countyCode);
        var province = string.Concat(countyCode.AsSpan(0, 2), "0000");
        var candidates = await db.DirectJudgementRules.AsNoTracking()
            .Where(r => (r.RegionCode == city || r.RegionCode == province) && r.EffectiveFrom <= now)
            .ToListAsync(cancellationToken);
        return candidates
            .GroupBy(r => r.Condition)
            .Select(g => g.OrderBy(r => r.RegionCode == city ? 0 : 1).ThenByDescending(r => r.Version).First())
            .ToList();
    }

    /// <summary>The matching rule that lifts <paramref name="banded"/> the most, or null when none lifts it (a rule never lowers a level).</summary>
    public static DirectJudgementRule? Deciding(IEnumerable<DirectJudgementRule> rules, MajorHazardLevel? majorHazardLevel, RiskLevel banded) =>
        rules.Where(r => r.Matches(majorHazardLevel) && r.Level < banded)
            .OrderBy(r => r.Level)
            .ThenBy(r => r.Condition)
            .FirstOrDefault();
}
