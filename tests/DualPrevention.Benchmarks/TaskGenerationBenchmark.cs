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
/// is the steady state the hourly job sees and is timed. Each timed step starts after a CHECKPOINT, so neither pays
/// for writing back pages an earlier step left dirty. With <c>DP_BENCH_KEEP_DB</c> the database is kept and the next
/// run rewinds it to day D instead of seeding. The last line printed is
/// <c>task_generation_ratio=&lt;product seconds / floor seconds&gt;</c> of the first pair.
/// </summary>
internal static class TaskGenerationBenchmark
{
    private const string Columns = "id, enterprise_id, region_code, definition_id, unit_id, task_type, window_start, window_end, status, assignee_user_id, assignee_post, created_at";

    /// <summary>Monday 2026-11-30 00:30 in Asia/Shanghai: the next 24 hours reach Tuesday's daily windows and December's monthly ones.</summary>
    private static readonly DateTimeOffset TimedRunAt = new(2026, 11, 30, 0, 30, 0, TimeSpan.FromHours(8));

    /// <summary>Sunday 2026-11-29 00:30 in Asia/Shanghai: the untimed first run.</summary>
    private static readonly DateTimeOffset DayD = TimedRunAt.AddDays(-1);

    /// <param name="scale">Fraction of the province's 3,000 enterprises.</param>
    /// <param name="pairs">Product/floor pairs to time, each from day D again: on a shared machine one pair is noise-bound.</param>
    public static async Task RunAsync(double scale, int pairs)
    {
        var enterprises = ProvinceSeeder.EnterprisesFor(scale);
        await using var database = await BenchmarkDatabase.OpenKeptAsync();
        var clock = new FixedClock();
        await using var services = BuildServices(database, clock);
        if (database.Existed)
        {
            await EnsureDayDAsync(database, enterprises);
            await RewindToDayDAsync(database);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reusing the kept database {database.Name} ({enterprises:N0} enterprises), rewound to day D"));
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

        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed runs)");
        clock.Now = TimedRunAt;
        var timed = new List<(double Product, double Floor)>();
        GenerateInspectionTasks.Result? dayD1 = null;
        long peak = 0;
        for (var pair = 0; pair < pairs; pair++)
        {
            if (pair > 0)
            {
                await RewindToDayDAsync(database);
            }

            await VacuumAsync(database, "inspection_task_definition", "inspection_task");
            await database.CheckpointAsync();
            GC.Collect();
            var product = Stopwatch.StartNew();
            var result = await GenerateAsync(services);
            product.Stop();
            if (dayD1 is not null && result != dayD1)
            {
                throw new InvalidOperationException($"Pair {pair + 1} generated {result}, the first {dayD1}.");
            }

            dayD1 = result;
            var process = Process.GetCurrentProcess();
            process.Refresh();
            peak = Math.Max(peak, process.PeakWorkingSet64);
            var floor = await TimeFloorAsync(database, TimedRunAt, result.WindowsCreated);
            timed.Add((product.Elapsed.TotalSeconds, floor.TotalSeconds));
        }

        var (firstProduct, firstFloor) = timed[0];
        var bestProduct = timed.Min(t => t.Product);
        var bestFloor = timed.Min(t => t.Floor);
        Console.WriteLine($"load_average={MachineLoad.Averages()} (after)");
        Console.WriteLine($"windows={dayD1!.WindowsCreated}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"product_seconds={firstProduct:F2} (GenerateInspectionTasks, {dayD1.Batches} batches of {GenerateInspectionTasks.DefaultBatchSize} enterprises)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"floor_seconds={firstFloor:F2} (one INSERT … SELECT … ON CONFLICT DO NOTHING of the same windows, as the owner)"));
        if (pairs > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pairs: product_seconds={string.Join(' ', timed.Select(t => t.Product.ToString("F2", CultureInfo.InvariantCulture)))} floor_seconds={string.Join(' ', timed.Select(t => t.Floor.ToString("F2", CultureInfo.InvariantCulture)))} (each from day D again)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best_of_pairs: product_seconds={bestProduct:F2} floor_seconds={bestFloor:F2} ratio={bestProduct / bestFloor:F2}"));
        }

        Console.WriteLine($"peak_working_set_mb={peak / 1048576}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"task_generation_ratio={firstProduct / firstFloor:F2}"));
    }

    /// <summary>Refuses a kept database (<c>DP_BENCH_KEEP_DB</c>) of another scale or one whose day D did not finish.</summary>
    private static async Task EnsureDayDAsync(BenchmarkDatabase database, int enterprises)
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        var marked = (await ProvinceSeeder.ReadListAsync<long>(connection, "SELECT count(*) FROM inspection_generation_mark"))[0];
        var seeded = (await ProvinceSeeder.ReadListAsync<long>(connection, "SELECT count(*) FROM enterprise"))[0];
        if (seeded != enterprises || marked != enterprises)
        {
            throw new InvalidOperationException($"Kept database {database.Name} holds {seeded} enterprises ({marked} generated), not {enterprises}: drop it or name another.");
        }
    }

    /// <summary>
    /// Puts the database back where day D left it: the windows a timed run made (and its floor put back) go, the
    /// generation marks say day D again.
    /// </summary>
    private static async Task RewindToDayDAsync(BenchmarkDatabase database)
    {
        await using (var connection = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await connection.OpenAsync();
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
