using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Every version of the direct-judgement rules a regulator's region applies: the province's and its cities' for province staff, the province's and the own city's for a city (ADR 0033).</summary>
public static class ListDirectJudgementRules
{
    /// <param name="EffectiveFrom">UTC.</param>
    /// <param name="IssuedAt">UTC.</param>
    /// <param name="InForce">True for the version each region applies now for its condition.</param>
    public sealed record Row(
        Guid Id, string RegionCode, string RegionName, DirectJudgementCondition Condition, int Version, RiskLevel Level, bool IsEnabled,
        DateTimeOffset EffectiveFrom, string IssuedBy, DateTimeOffset IssuedAt, bool InForce);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <summary>Region, condition, newest version first.</summary>
        /// <exception cref="DomainRuleException">The actor is not a regulator (enterprises see the rule in an assessment's explanation).</exception>
        public async Task<IReadOnlyList<Row>> HandleAsync(Actor actor, CancellationToken cancellationToken)
        {
            if (actor.Scope.RegionCode is not { } scope || !(actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.CityReviewer)))
            {
                throw new ForbiddenException(CoreText.Get("Risk.DirectJudgement.NotAllowed"));
            }

            var province = string.Concat(scope.AsSpan(0, 2), "0000");
            var prefix = actor.Scope.RegionPrefix!;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rules = await db.DirectJudgementRules.AsNoTracking()
                .Where(r => r.RegionCode == province || r.RegionCode.StartsWith(prefix))
                .OrderBy(r => r.RegionCode).ThenBy(r => r.Condition).ThenByDescending(r => r.Version)
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var inForce = rules.Where(r => r.EffectiveFrom <= now)
                .GroupBy(r => (r.RegionCode, r.Condition))
                .Select(g => g.MaxBy(r => r.Version)!.Id)
                .ToHashSet();
            var codes = rules.Select(r => r.RegionCode).Distinct().ToList();
            var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
            return rules.Select(r => new Row(
                    r.Id, r.RegionCode, names.GetValueOrDefault(r.RegionCode, r.RegionCode), r.Condition, r.Version, r.Level, r.IsEnabled,
                    r.EffectiveFrom, r.IssuedBy, r.IssuedAt, inForce.Contains(r.Id)))
                .ToList();
        }
    }
}
