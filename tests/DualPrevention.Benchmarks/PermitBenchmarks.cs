using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// The two permit benchmarks (ADR 0045), each on a fresh database seeded set-based as the owner
/// (<c>INSERT … SELECT generate_series</c>) and timed as the app role in the caller's scope (row-level security and the EF
/// query filter on), through the product's own handlers:
/// <list type="bullet">
/// <item><c>permit-conflicts</c>: the approval-time exclusion check (<see cref="CheckSimultaneousOperations"/>) of a hot
/// work permit against 500 × scale issued permits of one plant with work points on its plan, beside 100,000 × scale
/// closed ones of the same plant; prints <c>permit_conflict_p95_ms=</c> (goal &lt; 50).</item>
/// <item><c>permit-dashboard</c>: the province's supervision view (<see cref="GetPermitSupervision"/>, default period this
/// year) over 1,000,000 × scale permits of 3,000 enterprises; prints <c>permit_dashboard_p95_ms=</c> (goal &lt; 200).</item>
/// </list>
/// </summary>
internal static class PermitBenchmarks
{
    private const int Runs = 40;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One type-specific document per type, in type order 1–8, as the mapping stores them.</summary>
    private static readonly string[] Details =
    [
        JsonSerializer.Serialize<PermitDetails>(new HotWorkDetails("电焊", HotWorkGrade.Level2), Json),
        JsonSerializer.Serialize<PermitDetails>(new ConfinedSpaceDetails("1#储罐", "甲醇", null, "甲醇蒸气"), Json),
        JsonSerializer.Serialize<PermitDetails>(new BlindPlateDetails(BlindPlateAction.Insert, "P-101 出口管线", "甲醇", 30m, 0.3m, "20#", "DN100", "MB-1"), Json),
        JsonSerializer.Serialize<PermitDetails>(new WorkAtHeightDetails(6m, [1]), Json),
        JsonSerializer.Serialize<PermitDetails>(new LiftingDetails("换热器管束", 12m, "钢丝绳"), Json),
        JsonSerializer.Serialize<PermitDetails>(new TemporaryElectricityDetails("2#配电室", 15m, 380), Json),
        JsonSerializer.Serialize<PermitDetails>(new ExcavationDetails(1.2m, 6m), Json),
        JsonSerializer.Serialize<PermitDetails>(new RoadBreakDetails("储运车间", "管线施工"), Json),
    ];

    /// <summary>The columns every seeded permit fills; the rest take their defaults or stay null.</summary>
    private const string Columns =
        "id, enterprise_id, region_code, number, type, hot_work_grade, height_class, lifting_grade, status, details, applicant_unit, applied_at, work_content, "
        + "location_text, outdoor, planned_start, planned_end, issued_at, valid_until, actual_start, actual_end, site_restored, linked_permit_ids, site_plan_id, work_point, work_fence, fence_radius_meters, activities";

    /// <summary>The grade columns of permit <c>i</c> of type <c>t</c>.</summary>
    private const string Grades =
        "CASE WHEN t = 1 THEN 1 + (i / 8) % 3 END, CASE WHEN t = 4 THEN 1 + (i / 8) % 4 END, CASE WHEN t = 5 THEN 1 + (i / 8) % 3 END";

    public static async Task RunConflictsAsync(double scale)
    {
        var issued = Math.Max(1, (int)Math.Round(500 * scale));
        var closed = (int)Math.Round(100_000 * scale);
        await using var database = await BenchmarkDatabase.CreateAsync();
        var enterpriseId = Guid.NewGuid();
        var planId = Guid.NewGuid();
        var candidate = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var seeding = Stopwatch.StartNew();
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await ExecuteAsync(owner, """
                INSERT INTO enterprise (id, short_code, name, unified_social_credit_code, region_code, kinds, address, principal_name, status, is_major_hazard_enterprise, created_at, updated_at)
                VALUES (@enterprise, 'bench-plant', '基准化工企业', '91370200MA00000001', '370202', 3, '化工园区1号路', '张总', 1, true, @now, @now);
                INSERT INTO site_plan (id, enterprise_id, region_code, name, image_width, image_height, origin_pixel_x, origin_pixel_y, metres_per_pixel, created_at)
                VALUES (@plan, @enterprise, '370202', '厂区总平面图', 3000, 2000, 0, 0, 0.1, @now);
                """, ("enterprise", enterpriseId), ("plan", planId), ("now", now));

            // The plant's issued permits over its 300 × 200 m plan, their times overlapping the candidate's, and a year of closed ones.
            await ExecuteAsync(owner, $"""
                INSERT INTO work_permit ({Columns})
                SELECT gen_random_uuid(), @enterprise, '370202', 'I-' || i, t, {Grades},
                       CASE i % 3 WHEN 0 THEN 4 WHEN 1 THEN 5 ELSE 6 END, (@details)[t]::jsonb, '检修车间', @now - interval '3 hours', '检修作业' || i,
                       '装置区', true, @now - interval '2 hours', @now + interval '6 hours', @now - interval '150 minutes', @now + interval '6 hours',
                       CASE WHEN i % 3 > 0 THEN @now - interval '1 hour' END, NULL, false, ARRAY[]::uuid[], @plan,
                       ST_SetSRID(ST_MakePoint((i * 37) % 300, (i * 53) % 200), 0), ST_Buffer(ST_SetSRID(ST_MakePoint((i * 37) % 300, (i * 53) % 200), 0), 10), 10, CASE WHEN t IN (2, 4) THEN 1 ELSE 0 END
                FROM generate_series(1, @issued) i, LATERAL (SELECT 1 + i % 8 AS t) x;
                INSERT INTO work_permit ({Columns})
                SELECT gen_random_uuid(), @enterprise, '370202', 'C-' || i, t, {Grades},
                       8, (@details)[t]::jsonb, '检修车间', @now - (i % 365) * interval '1 day' - interval '1 day', '检修作业' || i,
                       '装置区', true, @now - (i % 365) * interval '1 day' - interval '20 hours', @now - (i % 365) * interval '1 day' - interval '14 hours',
                       @now - (i % 365) * interval '1 day' - interval '21 hours', @now - (i % 365) * interval '1 day' - interval '14 hours',
                       @now - (i % 365) * interval '1 day' - interval '20 hours', @now - (i % 365) * interval '1 day' - interval '15 hours', true, ARRAY[]::uuid[], @plan,
                       ST_SetSRID(ST_MakePoint((i * 37) % 300, (i * 53) % 200), 0), ST_Buffer(ST_SetSRID(ST_MakePoint((i * 37) % 300, (i * 53) % 200), 0), 10), 10, 0
                FROM generate_series(1, @closed) i, LATERAL (SELECT 1 + i % 8 AS t) x;
                INSERT INTO work_permit ({Columns})
                VALUES (@candidate, @enterprise, '370202', 'DH-CANDIDATE', 1, 3, NULL, NULL, 3, (@details)[1]::jsonb, '检修车间', @now, '更换法兰',
                        '装置区', true, @now, @now + interval '6 hours', NULL, NULL, NULL, NULL, false, ARRAY[]::uuid[], @plan, ST_SetSRID(ST_MakePoint(150, 100), 0), ST_Buffer(ST_SetSRID(ST_MakePoint(150, 100), 0), 10), 10, 0);
                """, ("enterprise", enterpriseId), ("plan", planId), ("now", now), ("details", Details), ("issued", issued), ("closed", closed), ("candidate", candidate));
            await ExecuteAsync(owner, "VACUUM ANALYZE work_permit");
        }

        seeding.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {issued:N0} issued and {closed:N0} closed permits of one plant in {seeding.Elapsed.TotalSeconds:F1} s"));
        await using var provider = Services(database);
        var findings = 0;
        var samples = await TimeAsync(database, provider, TenantScope.ForEnterprise(enterpriseId), async services =>
            findings = (await services.GetRequiredService<CheckSimultaneousOperations.Handler>().HandleAsync(candidate, CancellationToken.None)).Count);
        Console.WriteLine($"findings={findings} against {issued} issued permits");
        Report("permit_conflict", samples);
    }

    public static async Task RunDashboardAsync(double scale)
    {
        var enterprises = ProvinceSeeder.EnterprisesFor(scale);
        var permits = Math.Max(1, (int)Math.Round(1_000_000 * scale));
        // DP_BENCH_KEEP_DB keeps the seeded province for the next run (BenchmarkDatabase.OpenKeptAsync).
        await using var database = await BenchmarkDatabase.OpenKeptAsync();
        var now = DateTimeOffset.UtcNow;
        var today = BusinessTime.LocalDate(now);
        var yearStart = BusinessTime.FromLocal(new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var seeding = Stopwatch.StartNew();
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var seeded = new NpgsqlCommand("SELECT count(*) FROM work_permit", owner);
            var existing = (int)(long)(await seeded.ExecuteScalarAsync())!;
            if (existing > 0)
            {
                permits = existing;
            }
            else
            {
                await SeedProvinceAsync(owner, now, yearStart, enterprises, permits);
            }
        }

        seeding.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded: {permits:N0} permits of {enterprises:N0} enterprises since {yearStart:yyyy-MM-dd} in {seeding.Elapsed.TotalSeconds:F1} s"));
        await using var provider = Services(database);
        var province = new Actor(TenantScope.ForRegion("370000", null, "benchmark"), new HashSet<string> { Roles.ProvinceStaff });
        var counted = 0;
        var samples = await TimeAsync(database, provider, province.Scope, async services =>
            counted = (await services.GetRequiredService<GetPermitSupervision.Handler>().HandleAsync(province, new GetPermitSupervision.Query(), CancellationToken.None)).Totals.Total);
        if (counted != permits)
        {
            throw new InvalidOperationException($"The view counted {counted} permits; {permits} expected.");
        }

        var list = await TimeAsync(database, provider, province.Scope, services =>
            services.GetRequiredService<ListSupervisedPermits.Handler>().HandleAsync(province, new ListSupervisedPermits.Query(ListSupervisedPermits.Figure.InProgress), CancellationToken.None));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"permit_dashboard_list_p95_ms={Percentile(list, 0.95):F1} (the in-progress drill-down, first page)"));
        Report("permit_dashboard", samples);
    }

    private static async Task SeedProvinceAsync(NpgsqlConnection owner, DateTimeOffset now, DateTimeOffset yearStart, int enterprises, int permits)
    {
        // 3,000 enterprises over the province's counties; a year of permits, most closed, the last day's open, a few violations.
        await ExecuteAsync(owner, $"""
            CREATE TEMP TABLE counties AS SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM region WHERE level = 3 AND code LIKE '37%';
            INSERT INTO enterprise (id, short_code, name, unified_social_credit_code, region_code, kinds, address, principal_name, status, is_major_hazard_enterprise, created_at, updated_at)
            SELECT ('00000000-0000-0000-0000-' || lpad(to_hex(e), 12, '0'))::uuid, 'bench-' || lpad(e::text, 5, '0'), '基准化工企业' || lpad(e::text, 5, '0') || '有限公司',
                   '91370000MA' || lpad(e::text, 8, '0'), c.code, 3, '化工园区', '张总', 1, e % 3 = 0, @now, @now
            FROM generate_series(0, @enterprises - 1) e JOIN counties c ON c.n = e % (SELECT count(*) FROM counties);
            INSERT INTO work_permit ({Columns})
            SELECT gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad(to_hex(e), 12, '0'))::uuid, c.code, 'B-' || i, t, {Grades},
                   s, (@details)[t]::jsonb, '检修车间', a, '检修作业', '装置区', true, a + interval '1 hour', a + interval '9 hours',
                   CASE WHEN s <> 11 THEN a + interval '50 minutes' END, CASE WHEN s <> 11 THEN a + interval '9 hours' END,
                   CASE WHEN s IN (5, 6, 7, 8, 10) OR i % 997 = 0 THEN a + interval '1 hour' END,
                   CASE WHEN s IN (7, 8) THEN a + interval '8 hours' END, s = 8, ARRAY[]::uuid[], NULL, NULL, NULL, NULL, 0
            FROM generate_series(1, @permits) i,
                 LATERAL (SELECT i % @enterprises AS e, 1 + i % 8 AS t,
                                 @yearStart + (@now - interval '1 hour' - @yearStart) * ((i::bigint * 7919) % @permits)::double precision / @permits AS a) x,
                 LATERAL (SELECT CASE WHEN a > @now - interval '1 day' THEN 4 + i % 4
                                      WHEN i % 997 = 0 THEN 9
                                      WHEN i % 100 < 90 THEN 8 WHEN i % 100 < 94 THEN 11 WHEN i % 100 < 97 THEN 9 ELSE 10 END AS s) y,
                 LATERAL (SELECT code FROM counties WHERE n = x.e % (SELECT count(*) FROM counties)) c;
            """, ("now", now), ("yearStart", yearStart), ("details", Details), ("enterprises", enterprises), ("permits", permits));
        await ExecuteAsync(owner, "VACUUM ANALYZE work_permit");
        await ExecuteAsync(owner, "VACUUM ANALYZE enterprise");
    }

    private static ServiceProvider Services(BenchmarkDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDualPreventionData(database.AppConnectionString);
        services.AddDualPreventionUseCases();
        return services.BuildServiceProvider();
    }

    /// <summary>Two untimed warm-up runs, then <see cref="Runs"/> timed ones, each in a scope of its own; the samples sorted.</summary>
    private static async Task<List<double>> TimeAsync(BenchmarkDatabase database, ServiceProvider provider, TenantScope scope, Func<IServiceProvider, Task> run)
    {
        await database.CheckpointAsync();
        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed runs)");
        var samples = new List<double>();
        for (var i = 0; i < Runs + 2; i++)
        {
            await using var services = provider.CreateAsyncScope();
            services.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
            var watch = Stopwatch.StartNew();
            await run(services.ServiceProvider);
            watch.Stop();
            if (i >= 2)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"load_average={MachineLoad.Averages()} (after)");
        samples.Sort();
        return samples;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Report(string name, List<double> samples)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_p50_ms={Percentile(samples, 0.5):F1} {name}_max_ms={samples[^1]:F1} runs={samples.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_p95_ms={Percentile(samples, 0.95):F1}"));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
