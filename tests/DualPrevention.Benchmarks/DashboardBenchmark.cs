using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Dashboards;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Times the city dashboard (goal in docs/benchmarks.md: p95 under 200 ms) over the seeded province of
/// <see cref="ReportBench"/>: the real <see cref="GetDashboard"/> as each Shandong city's reviewer (row-level security
/// on), for the month, the quarter and the year, every ranking, <see cref="Rounds"/> rounds after one untimed warm-up
/// round. Each sample is one dashboard load — every query behind the page's figures. The last line printed is
/// <c>dashboard_p95_ms=&lt;ms&gt;</c>.
/// </summary>
internal static class DashboardBenchmark
{
    private const int Rounds = 3;

    private static readonly ReportPeriod[] Periods =
        [ReportBench.Period, ReportPeriod.Parse("2026-Q4"), ReportPeriod.Parse("2026")];

    public static async Task RunAsync(double scale)
    {
        await using var bench = await ReportBench.SeedAsync(scale);
        var cities = await bench.CitiesAsync();
        await RoundAsync(bench, cities, samples: null);
        var samples = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            await RoundAsync(bench, cities, samples);
        }

        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"samples={samples.Count} ({cities.Count} cities × {Periods.Length} periods × {Enum.GetValues<DashboardRanking>().Length} rankings × {Rounds} rounds)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard_p50_ms={Percentile(0.5):F1} dashboard_max_ms={samples[^1]:F1}"));
        Console.WriteLine($"peak_working_set_mb={process.PeakWorkingSet64 / 1048576}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard_p95_ms={Percentile(0.95):F1}"));
    }

    private static async Task RoundAsync(ReportBench bench, IReadOnlyList<string> cities, List<double>? samples)
    {
        foreach (var city in cities)
        {
            foreach (var period in Periods)
            {
                foreach (var ranking in Enum.GetValues<DashboardRanking>())
                {
                    await using var scope = bench.Services.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForRegion(city);
                    var handler = scope.ServiceProvider.GetRequiredService<GetDashboard.Handler>();
                    var watch = Stopwatch.StartNew();
                    await handler.HandleAsync(new GetDashboard.Query(period, RankBy: ranking), CancellationToken.None);
                    samples?.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
    }
}
