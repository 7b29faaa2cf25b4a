using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Statistics;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// The province the report and dashboard benchmarks read: <see cref="ProvinceSeeder"/> (3,000 × scale enterprises)
/// and <see cref="EscalationSeeder"/> (5,000,000 × scale windows over the three weeks before 2026-12-02, 500,000 ×
/// scale hidden dangers), then the statistics table rebuilt by the real job (timed and printed, not part of the figure).
/// With <c>DP_BENCH_KEEP_DB</c> the seeded database is kept and reused by the next run of the same scale
/// (<see cref="BenchmarkDatabase.OpenKeptAsync"/>): only the job's refresh runs again.
/// </summary>
internal sealed class ReportBench : IAsyncDisposable
{
    /// <summary>The month most seeded windows fall in.</summary>
    public static readonly ReportPeriod Period = ReportPeriod.Month(2026, 11);

    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly BenchmarkDatabase _database;

    private ReportBench(BenchmarkDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    /// <summary>Core services on the application role, the clock fixed at the seeding's "now".</summary>
    public ServiceProvider Services { get; }

    public static async Task<ReportBench> SeedAsync(double scale)
    {
        var enterprises = ProvinceSeeder.EnterprisesFor(scale);
        var database = await BenchmarkDatabase.OpenKeptAsync();
        if (database.Existed)
        {
            await EnsureSeededAsync(database, enterprises);
        }
        else
        {
            var seeding = Stopwatch.StartNew();
            var province = await ProvinceSeeder.SeedAsync(database.OwnerConnectionString, enterprises, Now.AddDays(-60), EscalationSeeder.MeasuresPerEvent);
            var seed = await EscalationSeeder.SeedAsync(database.OwnerConnectionString, enterprises, Now);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {province.Enterprises:N0} enterprises in {province.Counties} counties, {seed.Windows:N0} windows, {seed.HiddenDangers:N0} hidden dangers in {seeding.Elapsed.TotalSeconds:F1} s"));
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedClock());
        services.AddDualPreventionData(database.AppConnectionString);
        services.AddDualPreventionUseCases();
        var bench = new ReportBench(database, services.BuildServiceProvider());
        var refresh = Stopwatch.StartNew();
        await using (var scope = bench.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            var result = await scope.ServiceProvider.GetRequiredService<RefreshInspectionStatistics.Handler>().HandleAsync(CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"statistics {(result.Rebuilt ? "rebuilt" : "refreshed")} by the job: {result.Rows:N0} rows affected in {refresh.Elapsed.TotalSeconds:F1} s (untimed setup)"));
        }

        // As autovacuum leaves tables after bulk inserts (PostgreSQL 13+ vacuums after inserts too): statistics and the
        // visibility map that the reports' index-only scans read (ADR 0011). Only the owner may vacuum.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.OwnerConnectionString) { CommandTimeout = 0 }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE risk_analysis_unit, risk_event, inspection_daily_statistic", connection);
            await vacuum.ExecuteNonQueryAsync();
        }

        return bench;
    }

    /// <summary>Refuses a kept database seeded at another scale (or whose seeding did not finish).</summary>
    private static async Task EnsureSeededAsync(BenchmarkDatabase database, int enterprises)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        var seeded = (await ProvinceSeeder.ReadListAsync<long>(connection, "SELECT count(*) FROM enterprise"))[0];
        // The accounts are the seed's last table: without them the seeding did not finish.
        var finished = (await ProvinceSeeder.ReadListAsync<bool>(connection, "SELECT EXISTS (SELECT FROM app_user_role)"))[0];
        if (seeded != enterprises || !finished)
        {
            throw new InvalidOperationException($"Kept database {database.Name} holds {seeded} enterprises, not {enterprises}, or its seeding did not finish: drop it or name another.");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reusing the seeded database {database.Name} ({enterprises:N0} enterprises)"));
    }

    /// <summary>The city codes (PPCC00) that have seeded enterprises.</summary>
    public async Task<IReadOnlyList<string>> CitiesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await using var db = await scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync();
        var counties = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Enterprises.Select(e => e.RegionCode).Distinct());
        return counties.Select(Core.Regions.RegionCodes.CityOf).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
