using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Grading;

/// <summary>Every version of the band tables (reference data, the same for all tenants), by region, method and version.</summary>
public static class ListRiskBandTables
{
    /// <param name="EffectiveFrom">UTC.</param>
    /// <param name="Bands">Highest level first; scores in none are <see cref="RiskLevel.Low"/>.</param>
    public sealed record Row(Guid Id, string RegionCode, string RegionName, AssessmentMethod Method, int Version, DateTimeOffset EffectiveFrom, IReadOnlyList<RiskBand> Bands);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <param name="regionCode">Only this province or city; null for all.</param>
        /// <param name="cancellationToken">Cancels the query.</param>
        public async Task<IReadOnlyList<Row>> HandleAsync(string? regionCode, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var tables = db.RiskBandTables.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(regionCode))
            {
                tables = tables.Where(t => t.RegionCode == regionCode);
            }

            var rows = await tables.OrderBy(t => t.RegionCode).ThenBy(t => t.Method).ThenByDescending(t => t.Version).ToListAsync(cancellationToken);
            var codes = rows.Select(t => t.RegionCode).Distinct().ToList();
            var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
            return rows.Select(t => ToRow(t, names.GetValueOrDefault(t.RegionCode, t.RegionCode))).ToList();
        }

        internal static Row ToRow(RiskBandTable t, string regionName) =>
            new(t.Id, t.RegionCode, regionName, t.Method, t.Version, t.EffectiveFrom, [.. t.Bands.OrderBy(b => b.Level)]);
    }
}
