using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Times the province's compliance report for one month as .xlsx (goal in docs/benchmarks.md: under 10 s, app memory
/// under 300 MB) over the seeded province of <see cref="ReportBench"/>: <see cref="ComputeComplianceReport"/> as
/// province staff (row-level security on) and <see cref="ComplianceWorkbookWriter"/> streaming to a file. The last line
/// printed is <c>province_report_seconds=&lt;seconds&gt;</c>.
/// </summary>
internal static class ProvinceReportBenchmark
{
    public static async Task RunAsync(double scale)
    {
        await using var bench = await ReportBench.SeedAsync(scale);
        var path = Path.Combine(Path.GetTempPath(), $"dp-province-report-{Guid.NewGuid():N}.xlsx");
        try
        {
            await RunOnceAsync(bench, path);
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var rows = await RunOnceAsync(bench, path);
            watch.Stop();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1048576;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rows={rows:N0} file_kb={new FileInfo(path).Length / 1024:N0} allocated_mb={allocated:N0} (second run; the first warmed up)"));
            Console.WriteLine($"peak_working_set_mb={process.PeakWorkingSet64 / 1048576} (whole process, seeding included)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"province_report_seconds={watch.Elapsed.TotalSeconds:F2}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<int> RunOnceAsync(ReportBench bench, string path)
    {
        await using var scope = bench.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForRegion("370000");
        var report = await scope.ServiceProvider.GetRequiredService<ComputeComplianceReport.Handler>()
            .HandleAsync(new ComputeComplianceReport.Query(ReportBench.Period), CancellationToken.None);
        var header = new ComplianceReportHeader(ReportBench.Period, report.RegionCode, report.RegionName, report.EvaluatedAt, "benchmark");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await ComplianceWorkbookWriter.WriteAsync(file, header, report.Rows.ToAsyncEnumerable(), CancellationToken.None);
        return report.Rows.Count;
    }
}
