using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DualPrevention.Core.Reports.Dashboards;

/// <summary>
/// The figures of a dashboard (ADR 0009) for a period and a region: KPI cards and the four-colour distribution from the
/// compliance report's total row, a ranking of its enterprises, its cities (or counties) side by side, trends of task
/// completion and rectification, and the hidden dangers registered by source and category. The scope rules are
/// <see cref="ComputeComplianceReport"/>'s, and every other figure is read for the enterprises that report let the
/// caller see, from <c>inspection_daily_statistic</c> and <c>hidden_danger</c> (<see cref="DashboardSql"/>), never the
/// raw windows.
/// </summary>
public static class GetDashboard
{
    /// <summary>Most enterprises a ranking lists.</summary>
    public const int MaxTop = 50;

    /// <param name="RegionCode">A province, city or county inside the caller's scope; null = the caller's scope (an
    /// enterprise user's own enterprise).</param>
    /// <param name="Top">Enterprises the ranking lists, clamped to 1–<see cref="MaxTop"/>.</param>
    public sealed record Query(ReportPeriod Period, string? RegionCode = null, DashboardRanking RankBy = DashboardRanking.LowestScore, int Top = 10);

    /// <param name="RegionName">The region's name (an enterprise user's county).</param>
    /// <param name="EvaluatedAt">UTC; overdue counts are taken at this instant.</param>
    /// <param name="Kpis">The region's total (an enterprise user's: its own enterprise).</param>
    /// <param name="Regions">The province's cities, or a city's counties, each its total row; empty for a county.</param>
    /// <param name="Trend">Every bucket of the period in order, empty ones included.</param>
    public sealed record Result(
        string RegionCode, string RegionName, RegionLevel RegionLevel, ReportPeriod Period, DateTimeOffset EvaluatedAt, DashboardKpis Kpis,
        FourColorCounts FourColor, DashboardRanking RankBy, IReadOnlyList<DashboardRankingRow> Ranking, IReadOnlyList<DashboardRegionRow> Regions,
        TrendGranularity TrendBy, IReadOnlyList<DashboardTrendPoint> Trend, IReadOnlyList<SourceCount> HiddenDangersBySource,
        IReadOnlyList<CategoryCount> HiddenDangersByCategory);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ComputeComplianceReport.Handler compliance, IOptions<OperatingEffectRules> rules)
    {
        /// <exception cref="DomainRuleException">The region code is not six digits.</exception>
        /// <exception cref="NotFoundException">The region is unknown or outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var report = await compliance.HandleAsync(new ComputeComplianceReport.Query(query.Period, query.RegionCode), cancellationToken);
            var enterprises = report.Rows.Where(r => r.Kind == ComplianceRowKind.Enterprise).ToList();

            // The report's last row is the total of the region asked for; a region without enterprises has no rows.
            var total = report.Rows.Count > 0 ? report.Rows[^1].Metrics : ComplianceMetrics.Sum([]);
            var effect = report.Rows.Count > 0 ? report.Rows[^1].Effect : rules.Value.Aggregate([]);
            var level = RegionCodes.LevelOf(report.RegionCode);
            var ranking = Order(enterprises, query.RankBy)
                .Take(Math.Clamp(query.Top, 1, MaxTop))
                .Select((r, i) => new DashboardRankingRow(
                    i + 1, r.EnterpriseId!.Value, r.EnterpriseName!, r.RegionCode, r.CountyName, DashboardKpis.Of(r.Metrics, r.Effect), r.Metrics.UnitsByLevel))
                .ToList();

            var buckets = TrendBuckets.Of(query.Period);
            var figures = await FiguresAsync(enterprises.Select(r => r.EnterpriseId!.Value).ToArray(), query.Period, BusinessTime.LocalDate(report.EvaluatedAt), cancellationToken);
            var trend = buckets.Select(b =>
            {
                var (due, completed) = figures.Completion.GetValueOrDefault(b.Start);
                var (toRectify, rectified) = figures.Rectification.GetValueOrDefault(b.Start);
                return new DashboardTrendPoint(
                    b.From, b.To, due, completed, Percent.Round(Percent.Of(completed, due)), toRectify, rectified, Percent.Round(Percent.Of(rectified, toRectify)));
            }).ToList();

            return new Result(
                report.RegionCode, report.RegionName, level, query.Period, report.EvaluatedAt, DashboardKpis.Of(total, effect),
                new FourColorCounts(total.UnitsByLevel, total.EventsByLevel), query.RankBy, ranking, Regions(report.Rows, level),
                TrendBuckets.GranularityOf(query.Period), trend, figures.BySource, figures.ByCategory);
        }

        private static IOrderedEnumerable<ComplianceReportRow> Order(IEnumerable<ComplianceReportRow> rows, DashboardRanking by)
        {
            var ordered = by switch
            {
                DashboardRanking.LowestScore => rows.OrderBy(r => r.Effect.Score is null).ThenBy(r => r.Effect.Score)
                    .ThenByDescending(r => r.Metrics.OverdueMajor + r.Metrics.OverdueGeneral),
                DashboardRanking.MostOverdue => rows.OrderByDescending(r => r.Metrics.OverdueMajor + r.Metrics.OverdueGeneral)
                    .ThenByDescending(r => r.Metrics.OverdueMajor),
                DashboardRanking.MostMajorRisk => rows.OrderByDescending(r => r.Metrics.UnitsByLevel[0]).ThenByDescending(r => r.Metrics.UnitsByLevel[1]),
            };
            return ordered.ThenBy(r => r.EnterpriseName, StringComparer.Ordinal).ThenBy(r => r.EnterpriseId);
        }

        /// <summary>The province's city totals or a city's county totals, in the report's (code) order.</summary>
        private static List<DashboardRegionRow> Regions(IReadOnlyList<ComplianceReportRow> rows, RegionLevel level)
        {
            var kind = level switch
            {
                RegionLevel.Province => ComplianceRowKind.CityTotal,
                RegionLevel.City => ComplianceRowKind.CountyTotal,
                RegionLevel.County => (ComplianceRowKind?)null,
            };
            return rows.Where(r => r.Kind == kind)
                .Select(r => new DashboardRegionRow(
                    r.RegionCode, kind == ComplianceRowKind.CityTotal ? r.CityName : r.CountyName, DashboardKpis.Of(r.Metrics, r.Effect), r.Metrics.UnitsByLevel))
                .ToList();
        }

        private async Task<Figures> FiguresAsync(Guid[] ids, ReportPeriod period, DateOnly today, CancellationToken cancellationToken)
        {
            var figures = new Figures([], [], [], []);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(DashboardSql.Figures, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("ids", ids);
            command.Parameters.AddWithValue("unit", TrendBuckets.SqlField(TrendBuckets.GranularityOf(period)));
            command.Parameters.AddWithValue("from", period.From);
            command.Parameters.AddWithValue("to", period.To);
            command.Parameters.AddWithValue("start", period.StartUtc);
            command.Parameters.AddWithValue("end", period.EndUtc);
            command.Parameters.AddWithValue("today", today);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                figures.Completion[reader.ValueOf<DateOnly>("bucket")] = (reader.ValueOf<int>("due"), reader.ValueOf<int>("completed"));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                figures.Rectification[reader.ValueOf<DateOnly>("bucket")] = (reader.ValueOf<int>("to_rectify"), reader.ValueOf<int>("rectified"));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                figures.BySource.Add(new SourceCount((InspectionSource)reader.ValueOf<int>("source"), reader.ValueOf<int>("registered")));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                figures.ByCategory.Add(new CategoryCount((HiddenDangerCategory?)reader.NullableValueOf<int>("category"), reader.ValueOf<int>("registered")));
            }

            return figures;
        }

        /// <param name="Completion">(due, completed) by bucket start.</param>
        /// <param name="Rectification">(deadline in the bucket and come by today or met already, accepted by now) by bucket start.</param>
        private sealed record Figures(
            Dictionary<DateOnly, (int Due, int Completed)> Completion, Dictionary<DateOnly, (int ToRectify, int Rectified)> Rectification,
            List<SourceCount> BySource, List<CategoryCount> ByCategory);
    }
}
