using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Benchmarks;

/// <summary>
/// A background ledger export of one enterprise's 100,000 × scale hidden dangers (ADR 0035), .xlsx and .pdf, through
/// the job's own handler (<see cref="RunReportExport"/>, row-level security on, the file on local disk). Seeds the
/// demo data and the ledger in a database of its own on <c>DP_BENCH_PG_ADMIN</c> (else the test server of
/// <c>DP_TEST_PG_ADMIN</c>), dropped afterwards. While an export runs the managed heap and the working set are sampled
/// every 20 ms; the figures are their peaks. Prints per format <c>ledger_export_rows_per_second=</c> and
/// <c>ledger_export_peak_mb=</c> (peak managed heap).
/// </summary>
internal static class LedgerExportBenchmark
{
    private const int Batch = 10_000;

    public static async Task RunAsync(double scale)
    {
        var rows = (int)Math.Ceiling(100_000 * scale);
        var database = new LedgerDatabase();
        await database.InitializeAsync();
        try
        {
            var seeding = Stopwatch.StartNew();
            for (var count = Math.Min(Batch, rows); ; count = Math.Min(count + Batch, rows))
            {
                await HiddenDangerSeed.FillLedgerAsync(database, database.Qd2, count);
                if (count == rows)
                {
                    break;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {rows:N0} hidden dangers of demo-qd2 in {seeding.Elapsed.TotalSeconds:F1} s"));
            foreach (var format in new[] { LedgerFileFormat.Xlsx, LedgerFileFormat.Pdf })
            {
                await RunOnceAsync(database, format, rows);
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task RunOnceAsync(LedgerDatabase database, LedgerFileFormat format, int rows)
    {
        await using var services = database.CreateServices();
        var admin = await AdminAsync(database);
        Guid id;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = admin.Scope;
            var result = await scope.ServiceProvider.GetRequiredService<ExportHiddenDangerLedger.Handler>()
                .HandleAsync(admin, new ExportHiddenDangerLedger.Command(new ListHiddenDangers.Query(), format), CancellationToken.None);
            id = result.ExportId ?? throw new InvalidOperationException("The ledger was not queued.");
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseHeap = GC.GetTotalMemory(forceFullCollection: true);
        var baseWorkingSet = Environment.WorkingSet;
        long peakHeap = baseHeap, peakWorkingSet = baseWorkingSet;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        await using (var job = services.CreateAsyncScope())
        {
            job.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await job.ServiceProvider.GetRequiredService<RunReportExport.Handler>().HandleAsync(id, CancellationToken.None);
        }

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var size = new FileInfo(Path.Combine(database.ReportDirectory, $"{id:N}.{(format == LedgerFileFormat.Xlsx ? "xlsx" : "pdf")}")).Length;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"format={format.ToString().ToLowerInvariant()} rows={rows:N0} seconds={watch.Elapsed.TotalSeconds:F1} file_mb={size / 1048576.0:F1} heap_before_mb={baseHeap / 1048576} working_set_before_mb={baseWorkingSet / 1048576} peak_working_set_mb={peakWorkingSet / 1048576}"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"format={format.ToString().ToLowerInvariant()} ledger_export_rows_per_second={rows / watch.Elapsed.TotalSeconds:F0} ledger_export_peak_mb={peakHeap / 1048576}"));
    }

    private static async Task<Actor> AdminAsync(LedgerDatabase database)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var user = await db.Users.SingleAsync(u => u.UserName == "demo-qd2-admin");
        return new Actor(TenantScope.ForEnterprise(database.Qd2, user.Id, user.UserName), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    /// <summary>The demo data on the benchmark server when one is named.</summary>
    private sealed class LedgerDatabase : DemoDatabase
    {
        protected override Task<string> AdminConnectionStringAsync() =>
            Environment.GetEnvironmentVariable("DP_BENCH_PG_ADMIN") is { Length: > 0 } given ? Task.FromResult(given) : base.AdminConnectionStringAsync();
    }
}
