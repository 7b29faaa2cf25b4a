using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// <c>track-replay</c>: one person-day of 1 s fixes (86,400 points of one tag) in a day partition of
/// <c>position_sample</c> beside other tags' days (20 × scale tags of 86,400 points each), read back in time order by the
/// replay page's own query (<see cref="GetTrack"/>): as the app role in the enterprise's scope (row-level security and
/// the EF query filter on), through EF.
/// Three reads after a CHECKPOINT; prints each and, last, <c>track_replay_ms=</c> the first (goal &lt; 1,000).
/// </summary>
internal static class TrackReplayBenchmark
{
    private const int PointsPerDay = 86_400;

    public static async Task RunAsync(double scale)
    {
        var others = Math.Max(0, (int)Math.Round(20 * scale));
        await using var database = await BenchmarkDatabase.CreateAsync();
        var enterpriseId = Guid.NewGuid();
        var tagId = Guid.NewGuid();
        var day = BusinessTime.LocalDate(DateTimeOffset.UtcNow).AddDays(-1);
        var seeding = Stopwatch.StartNew();
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using (var partition = new NpgsqlCommand("SELECT dp_create_position_sample_days(@day, 1)", owner))
            {
                partition.Parameters.AddWithValue("day", day);
                await partition.ExecuteNonQueryAsync();
            }

            // The replayed tag and the others: a walk of 1 s fixes over the Beijing day.
            await using var seed = new NpgsqlCommand(
                """
                INSERT INTO position_sample (tag_id, fixed_at, enterprise_id, region_code, x, y, floor, accuracy, battery, sos, fall)
                SELECT t.tag_id, (@day::timestamp AT TIME ZONE 'Asia/Shanghai') + s * interval '1 second', @enterprise, '370202',
                       100 + 50 * sin(s / 600.0), 80 + 50 * cos(s / 900.0), 1, 0.3, 90, false, false
                  FROM (SELECT @tag AS tag_id UNION ALL SELECT gen_random_uuid() FROM generate_series(1, @others)) t,
                       generate_series(0, @points - 1) s
                """,
                owner)
            { CommandTimeout = 0 };
            seed.Parameters.AddWithValue("day", day);
            seed.Parameters.AddWithValue("enterprise", enterpriseId);
            seed.Parameters.AddWithValue("tag", tagId);
            seed.Parameters.AddWithValue("others", others);
            seed.Parameters.AddWithValue("points", PointsPerDay);
            await seed.ExecuteNonQueryAsync();
            await using var analyze = new NpgsqlCommand("VACUUM ANALYZE position_sample", owner) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync();
        }

        seeding.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {(others + 1) * PointsPerDay:N0} points of {others + 1} tags on {day:yyyy-MM-dd} in {seeding.Elapsed.TotalSeconds:F1} s"));

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDualPreventionData(database.AppConnectionString);
        await using var provider = services.BuildServiceProvider();
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed reads)");
        await database.CheckpointAsync();
        var timings = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForEnterprise(enterpriseId);
            var watch = Stopwatch.StartNew();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync();
            // The replay page's query (GetTrack, ADR 0041): by the partition key over the day, in time order.
            var points = await GetTrack.Handler.Points(db, [tagId], from, from.AddDays(1))
                .Select(s => new GetTrack.Point(s.FixedAt, s.TagId, s.X, s.Y, s.Floor, s.Sos, s.Fall))
                .ToListAsync();
            watch.Stop();
            if (points.Count != PointsPerDay || points.Zip(points.Skip(1)).Any(p => p.First.At >= p.Second.At))
            {
                throw new InvalidOperationException($"The replay read {points.Count} points, or out of order; {PointsPerDay} expected.");
            }

            timings.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {run + 1}: {points.Count:N0} points in {watch.Elapsed.TotalMilliseconds:F0} ms"));
        }

        Console.WriteLine($"load_average={MachineLoad.Averages()} (after)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"track_replay_ms={timings[0]:F0}"));
    }
}
