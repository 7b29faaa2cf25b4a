using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Times the real <see cref="GenerateInspectionTasks"/> job on province-scale data (<see cref="ProvinceSeeder"/>:
/// 3,000 × scale enterprises × 1,000 manual measures) against a floor in the same database: one bare
/// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> of exactly the windows the job created. Day D (Sunday 00:30
/// Asia/Shanghai) creates the definitions and the first windows, untimed but reported; day D+1 (Monday 00:30)
/// is the steady state the hourly job sees and is timed. The last line printed is
/// <c>task_generation_ratio=&lt;product seconds / floor seconds&gt;</c>.
/// </summary>
internal static class TaskGenerationBenchmark
{
    private const string Columns = "id, enterprise_id, region_code, definition_id, unit_id, task_type, window_start, window_end, status, assignee_user_id, assignee_post, created_at";

    /// <summary>Monday 2026-11-30 00:30 in Asia/Shanghai: the next 24 hours reach Tuesday's daily windows and December's monthly ones.</summary>
    private static readonly DateTimeOffset TimedRunAt = new(2026, 11, 30, 0, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Sunday 2026-11-29 00:30 in Asia/Shanghai: the untimed first run.</summary>
    private static readonly DateTimeOffset DayD = TimedRunAt.AddDays(-1);

    public static async Task RunAsync(double scale)
    {
        var enterprises = ProvinceSeeder.EnterprisesFor(scale);
        await using var database = await BenchmarkDatabase.OpenKeptAsync();
        var clock = new FixedClock();
        await using var services = BuildServices(database, clock);
        if (database.Existed)
        {
            await RewindToDayDAsync(database, enterprises);
        }
        else
        {
            var seeding = Stopwatch.StartNew();
            var seed = await ProvinceSeeder.SeedAsync(database.OwnerConnectionString, enterprises, TimedRunAt.AddDays(-30));
            seeding.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {seed.Enterprises:N0} enterprises in {seed.Counties} counties, {seed.Measures:N0} manual measures in {seeding.Elapsed.TotalSeconds:F1} s"));

            await database.CheckpointAsync();
            clock.Now = DayD;
            var first = Stopwatch.StartNew();
            var dayD = await GenerateAsync(services);
            first.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"day D (first run incl. {seed.Measures:N0} definitions): {dayD.WindowsCreated:N0} windows in {first.Elapsed.TotalSeconds:F2} s, {dayD.Batches} batches"));
        }

        await VacuumAsync(database, "inspection_task_definition", "inspection_task");
        await database.CheckpointAsync();
        GC.Collect();
        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed run)");
        clock.Now = TimedRunAt;
        var product = Stopwatch.StartNew();
        var dayD1 = await GenerateAsync(services);
        product.Stop();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        var floor = await TimeFloorAsync(database, TimedRunAt, dayD1.WindowsCreated);
        var ratio = product.Elapsed.TotalSeconds / floor.TotalSeconds;
        Console.WriteLine($"load_average={MachineLoad.Averages()} (after the floor)");
        Console.WriteLine($"windows={dayD1.WindowsCreated}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"product_seconds={product.Elapsed.TotalSeconds:F2} (GenerateInspectionTasks, {dayD1.Batches} batches of {GenerateInspectionTasks.DefaultBatchSize} enterprises)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor_seconds={floor.TotalSeconds:F2} (one INSERT … SELECT … ON CONFLICT DO NOTHING of the same windows, as the owner)"));
        Console.WriteLine($"peak_working_set_mb={peak / 1048576}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"task_generation_ratio={ratio:F2}"));
    }

    /// <summary>
    /// Puts a kept database (<c>DP_BENCH_KEEP_DB</c>) back where day D left it: the windows a previous timed run made
    /// (and its floor put back) go, the generation marks say day D again. Refuses a database of another scale or
    /// one whose day D did not finish.
    /// </summary>
    private static async Task RewindToDayDAsync(BenchmarkDatabase database, int enterprises)
    {
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            var marked = (await ProvinceSeeder.ReadListAsync<long>(connection, "SELECT count(*) FROM inspection_generation_mark"))[0];
            var seeded = (await ProvinceSeeder.ReadListAsync<long>(connection, "SELECT count(*) FROM enterprise"))[0];
            if (seeded != enterprises || marked != enterprises)
            {
                throw new InvalidOperationException($"Kept database {database.Name} holds {seeded} enterprises ({marked} generated), not {enterprises}: drop it or name another.");
            }

            await using var rewind = new NpgsqlCommand(
                """
                DROP TABLE IF EXISTS floor_staging;
                DELETE FROM inspection_task WHERE created_at > @day_d;
                UPDATE inspection_generation_mark SET ran_at = @day_d, generated_until = @day_d + interval '24 hours';
                """,
                connection)
            { CommandTimeout = 0 };
            rewind.Parameters.AddWithValue("day_d", DayD.ToUniversalTime());
            await rewind.ExecuteNonQueryAsync();
        }

        await VacuumAsync(database, "inspection_generation_mark");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reusing the kept database {database.Name} ({enterprises:N0} enterprises), rewound to day D"));
    }

    private static async Task<GenerateInspectionTasks.Result> GenerateAsync(ServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
            .HandleAsync(new GenerateInspectionTasks.Command(), null, CancellationToken.None);
    }

    /// <summary>
    /// Moves the windows the timed run created into an unlogged staging table, vacuums, and times putting them
    /// back with one statement: the cost of the inserts alone — heap, unique key, secondary indexes, foreign key.
    /// </summary>
    private static async Task<TimeSpan> TimeFloorAsync(BenchmarkDatabase database, DateTimeOffset createdAt, long expected)
    {
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var stage = new NpgsqlCommand(
                $"""
                CREATE UNLOGGED TABLE floor_staging AS SELECT {Columns} FROM inspection_task WHERE created_at = @at;
                DELETE FROM inspection_task WHERE created_at = @at;
                """,
                connection);
            stage.Parameters.AddWithValue("at", createdAt.ToUniversalTime());
            stage.CommandTimeout = 0;
            await stage.ExecuteNonQueryAsync();
        }

        await VacuumAsync(database, "inspection_task", "floor_staging");
        await database.CheckpointAsync();
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO inspection_task ({Columns}) SELECT {Columns} FROM floor_staging ON CONFLICT (definition_id, window_start) DO NOTHING",
                connection)
            { CommandTimeout = 0 };
            var watch = Stopwatch.StartNew();
            var inserted = await insert.ExecuteNonQueryAsync();
            watch.Stop();
            if (inserted != expected)
            {
                throw new InvalidOperationException($"The floor inserted {inserted} windows, the product {expected}.");
            }

            await using var drop = new NpgsqlCommand("DROP TABLE floor_staging", connection);
            await drop.ExecuteNonQueryAsync();
            return watch.Elapsed;
        }
    }

    private static async Task VacuumAsync(BenchmarkDatabase database, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static ServiceProvider BuildServices(BenchmarkDatabase database, FixedClock clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddDualPreventionData(database.AppConnectionString);
        services.AddDualPreventionUseCases();
        return services.BuildServiceProvider();
    }

    /// <summary>A clock the benchmark sets: each run sees one fixed instant.</summary>
    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
