using DualPrevention.Core.Data;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// The compliance report (ADR 0009): for a period and a region, one row per enterprise with the metrics of
/// docs/domain/dual-prevention.md#91-rates-and-counts, a total after each county's enterprises, after each city's
/// counties and, for the province, at the end. Figures come from one statement over the statistics table, the register
/// and the hidden dangers (<see cref="ComplianceSql"/>); the enterprises are the tenant filter's, so nobody gets a row
/// outside their scope.
/// </summary>
public static class ComputeComplianceReport
{
    /// <param name="RegionCode">A province, city or county code inside the caller's scope; null = the caller's scope
    /// (an enterprise user's own county, narrowed to the enterprise by the tenant filter).</param>
    public sealed record Query(ReportPeriod Period, string? RegionCode = null);

    /// <param name="Rows">Enterprises ordered by city, county and name, each group followed by its total.</param>
    public sealed record Result(string RegionCode, string RegionName, ReportPeriod Period, DateTimeOffset EvaluatedAt, IReadOnlyList<ComplianceReportRow> Rows);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ITenantScopeAccessor scopes, TimeProvider clock, IOptions<OperatingEffectRules> rules)
    {
        /// <exception cref="DomainRuleException">The region code is not six digits.</exception>
        /// <exception cref="NotFoundException">The region is unknown or outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var scope = scopes.Current;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await ReportRegion.ResolveAsync(db, scope, query.RegionCode, cancellationToken);
            var prefix = RegionCodes.Prefix(regionCode);
            var names = await db.Regions.Where(r => r.Code.StartsWith(prefix.Substring(0, 2))).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
            var enterprises = await db.Enterprises
                .Where(e => e.RegionCode.StartsWith(prefix))
                .Select(e => new { e.Id, e.Name, e.UnifiedSocialCreditCode, e.RegionCode })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var metrics = await MetricsAsync(db, enterprises.Select(e => e.Id).ToArray(), query.Period, BusinessTime.LocalDate(now), cancellationToken);
            var effect = rules.Value;

            // Totals sum the counts but aggregate the enterprises' scores (ADR 0026), each over all the enterprises
            // below it: a city's score is the mean of its enterprises', not of its counties'.
            var rows = new List<ComplianceReportRow>(enterprises.Count + 32);
            foreach (var city in enterprises.GroupBy(e => RegionCodes.CityOf(e.RegionCode)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var cityName = names.GetValueOrDefault(city.Key, city.Key);
                var countyTotals = new List<ComplianceMetrics>();
                var cityEffects = new List<OperatingEffect>();
                foreach (var county in city.GroupBy(e => e.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var countyName = names.GetValueOrDefault(county.Key, county.Key);
                    var countyRows = new List<ComplianceMetrics>();
                    var countyEffects = new List<OperatingEffect>();
                    foreach (var e in county.OrderBy(e => e.Name, StringComparer.Ordinal))
                    {
                        var m = metrics[e.Id];
                        var scored = effect.Evaluate(m, query.Period);
                        countyRows.Add(m);
                        countyEffects.Add(scored);
                        rows.Add(new ComplianceReportRow(
                            ComplianceRowKind.Enterprise, e.RegionCode, cityName, countyName, e.Id, e.Name, e.UnifiedSocialCreditCode, m, scored));
                    }

                    var countyTotal = ComplianceMetrics.Sum(countyRows);
                    countyTotals.Add(countyTotal);
                    cityEffects.AddRange(countyEffects);
                    rows.Add(Total(ComplianceRowKind.CountyTotal, county.Key, cityName, countyName, countyTotal, effect.Aggregate(countyEffects)));
                }

                if (RegionCodes.LevelOf(regionCode) != RegionLevel.County)
                {
                    rows.Add(Total(ComplianceRowKind.CityTotal, city.Key, cityName, "", ComplianceMetrics.Sum(countyTotals), effect.Aggregate(cityEffects)));
                }
            }

            if (RegionCodes.LevelOf(regionCode) == RegionLevel.Province)
            {
                var provinceTotal = ComplianceMetrics.Sum(rows.Where(r => r.Kind == ComplianceRowKind.CityTotal).Select(r => r.Metrics));
                var provinceEffect = effect.Aggregate(rows.Where(r => r.Kind == ComplianceRowKind.Enterprise).Select(r => r.Effect));
                rows.Add(Total(ComplianceRowKind.ProvinceTotal, regionCode, "", "", provinceTotal, provinceEffect));
            }

            return new Result(regionCode, names.GetValueOrDefault(regionCode, regionCode), query.Period, now, rows);
        }

        private static ComplianceReportRow Total(
            ComplianceRowKind kind, string code, string cityName, string countyName, ComplianceMetrics metrics, OperatingEffect effect) =>
            new(kind, code, cityName, countyName, null, null, null, metrics, effect);

        private static async Task<Dictionary<Guid, ComplianceMetrics>> MetricsAsync(
            DualPreventionDbContext db, Guid[] ids, ReportPeriod period, DateOnly today, CancellationToken cancellationToken)
        {
            var result = new Dictionary<Guid, ComplianceMetrics>(ids.Length);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(ComplianceSql.PerEnterprise, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("ids", ids);
            command.Parameters.AddWithValue("from", period.From);
            command.Parameters.AddWithValue("to", period.To);
            command.Parameters.AddWithValue("start", period.StartUtc);
            command.Parameters.AddWithValue("end", period.EndUtc);
            command.Parameters.AddWithValue("today", today);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (enterpriseId, metrics) = ComplianceSql.Read(reader);
                result[enterpriseId] = metrics;
            }

            return result;
        }
    }
}
