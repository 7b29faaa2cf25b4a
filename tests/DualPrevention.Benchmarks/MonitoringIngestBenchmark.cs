using System.Diagnostics;
using System.Globalization;
using System.Text;
using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Web.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// <c>monitoring-ingest</c> (ADR 0050): a province's 60,000 × scale monitoring points, each with limits and a 10 s
/// interval, report through a private mosquitto into the published app, whose job node evaluates every reading against
/// its limits and thins it into the history. First ten rounds of one reading per point (600,000 × scale readings, a 10 s
/// interval's worth of device time apart) in messages of 100 from four publishers with QoS 1, as fast as the app takes
/// them — the sustained rate, which must carry the province's 6,000 readings/s and a 5× burst; timed from the first
/// publish until <c>monitoring_reading_count</c> shows every reading accepted (committed). Then, while all points go on
/// reporting at the province's rate (6,000 × scale a second), 40 points each get one high-high reading;
/// <c>reading_to_alarm_p95_ms=</c> is the 95th percentile from publishing it to its alarm standing in the alarm table.
/// Prints <c>readings_per_second=</c> and the CPU seconds of the app, PostgreSQL, the broker and the publisher.
/// </summary>
internal static class MonitoringIngestBenchmark
{
    private const int ReadingsPerMessage = 100;
    private const int Publishers = 4;
    private const int Rounds = 10;
    private const int Probes = 40;

    public static async Task RunAsync(double scale)
    {
        var pointCount = Math.Max(Probes * 10, (int)Math.Round(60_000 * scale / ReadingsPerMessage) * ReadingsPerMessage);
        var port = int.Parse(Environment.GetEnvironmentVariable("DP_BENCH_MQTT_PORT") ?? "1983", CultureInfo.InvariantCulture);
        var brokerDir = Path.Combine(Path.GetTempPath(), "dp-bench-mqtt");
        var password = await PositioningIngestBenchmark.StartBrokerAsync(brokerDir, port);
        var mqtt = new MqttOptions { Host = "127.0.0.1", Port = port, Username = "dp-platform", Password = password };

        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, "Bench#Monitor2026", new Dictionary<string, string>
        {
            ["Mqtt:Host"] = mqtt.Host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = mqtt.Username,
            ["Mqtt:Password"] = mqtt.Password,
            // A share group of this run's own: a persistent session of an earlier run's app would take its share of the messages.
            ["Monitoring:Ingest:ClientId"] = $"bench-{Guid.NewGuid():N}",
            ["Monitoring:Ingest:Group"] = $"bench-{Guid.NewGuid():N}",
        });
        var (enterpriseId, codes) = await SeedPointsAsync(database, pointCount);
        var device = $"device-bench-{Guid.NewGuid():N}";
        await new BrokerAccounts(Options.Create(mqtt)).SetDeviceCredentialAsync(device, "bench-secret", enterpriseId, CancellationToken.None);
        var topic = MonitoringReadingTopics.Of(enterpriseId);
        var clients = new List<IMqttClient>();
        for (var i = 0; i < Publishers; i++)
        {
            clients.Add(await PositioningIngestBenchmark.ConnectAsync(mqtt, device));
        }

        // Device times 10 s apart per round, in the last hours; values wander within the dead band, and every fifth
        // round steps by 1 % of the range, so the history keeps about a fifth of the readings.
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        byte[] Round(int round, IEnumerable<int> points) => Payload(points.Select(p => (codes[p], start.AddSeconds(round * 10 + (p % 10)), 50.0 + (round / 5) + (p % 3 * 0.1))));

        // Warm-up: the first message is sent again until the consumer has joined the share group and stored it.
        for (var attempt = 1; ; attempt++)
        {
            await PositioningIngestBenchmark.PublishAsync(clients, topic, [Round(0, Enumerable.Range(0, ReadingsPerMessage))]);
            try
            {
                await WaitForAcceptedAsync(database, enterpriseId, 1, TimeSpan.FromSeconds(10));
                break;
            }
            catch (TimeoutException) when (attempt < 60)
            {
            }
        }

        var warmed = await AcceptedAsync(database, enterpriseId);
        await PositioningIngestBenchmark.PublishAsync(clients, topic, [.. Enumerable.Range(0, pointCount).Chunk(ReadingsPerMessage).Select(c => Round(1, c))]);
        await WaitForAcceptedAsync(database, enterpriseId, warmed + pointCount, TimeSpan.FromMinutes(10));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = await AcceptedAsync(database, enterpriseId);
        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed phase)");

        var messages = Enumerable.Range(2, Rounds).SelectMany(round => Enumerable.Range(0, pointCount).Chunk(ReadingsPerMessage).Select(c => Round(round, c))).ToList();
        var readings = (long)Rounds * pointCount;
        var watch = new Stopwatch();
        var published = TimeSpan.Zero;
        ProcessCpu[] servers =
        [
            new("app", app.ProcessId, withChildren: false),
            .. new[] { ProcessCpu.Postgres(await database.DataDirectoryAsync()), ProcessCpu.FromPidFile("broker", Path.Combine(brokerDir, "mosquitto.pid")) }.OfType<ProcessCpu>(),
            new("publisher", Environment.ProcessId, withChildren: false),
        ];
        var cpu = await ProcessCpu.DuringAsync(servers, async () =>
        {
            watch.Start();
            await PositioningIngestBenchmark.PublishAsync(clients, topic, messages);
            published = watch.Elapsed;
            await WaitForAcceptedAsync(database, enterpriseId, before + readings, TimeSpan.FromMinutes(30));
            watch.Stop();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"readings: {readings:N0} ({pointCount:N0} points × {Rounds}) in {messages.Count:N0} messages published in {published.TotalSeconds:F1} s, all committed after {watch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"timed phase CPU seconds: {cpu}");
        Console.WriteLine($"load_average={MachineLoad.Averages()} (after the timed phase)");
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var kept = new NpgsqlCommand("SELECT count(*) FROM monitoring_reading WHERE enterprise_id = @e", owner);
            kept.Parameters.AddWithValue("e", enterpriseId);
            var rows = (long)(await kept.ExecuteScalarAsync())!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"history rows kept: {rows:N0} of {readings + 2L * pointCount:N0} readings"));
        }

        var latencies = await ProbeReadingToAlarmAsync(database, mqtt, device, topic, codes, start.AddSeconds((Rounds + 2) * 10));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading to alarm: {latencies.Count} points, median {Percentile(latencies, 0.5):F0} ms, max {latencies.Max():F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reading_to_alarm_p95_ms={Percentile(latencies, 0.95):F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"readings_per_second={readings / watch.Elapsed.TotalSeconds:F0}"));
    }

    /// <summary>
    /// While every point goes on reporting once per 10 s (a tenth of them each second, in messages of 100), one point at a
    /// time gets a high-high reading; the time from publishing it to its alarm in the alarm table.
    /// </summary>
    private static async Task<List<double>> ProbeReadingToAlarmAsync(
        BenchmarkDatabase database, MqttOptions mqtt, string device, string topic, List<string> codes, DateTimeOffset after)
    {
        using var reporting = new CancellationTokenSource();
        using var reporter = await PositioningIngestBenchmark.ConnectAsync(mqtt, device);
        var probes = Enumerable.Range(0, Probes).Select(i => i * (codes.Count / Probes)).ToHashSet();
        var background = Task.Run(async () =>
        {
            for (var second = 0; !reporting.IsCancellationRequested; second++)
            {
                var now = DateTimeOffset.UtcNow;
                var due = Enumerable.Range(0, codes.Count).Where(p => p % 10 == second % 10 && !probes.Contains(p));
                await PositioningIngestBenchmark.PublishAsync([reporter], topic, [.. due.Chunk(ReadingsPerMessage).Select(c => Payload(c.Select(p => (codes[p], now, 50.0))))]);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), reporting.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        using var prober = await PositioningIngestBenchmark.ConnectAsync(mqtt, device);
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        var latencies = new List<double>();
        foreach (var point in probes.Order())
        {
            var at = DateTimeOffset.UtcNow;
            var watch = Stopwatch.StartNew();
            await PositioningIngestBenchmark.PublishAsync([prober], topic, [Payload([(codes[point], at > after ? at : after.AddSeconds(1), 97.0)])]);
            await using var raised = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM alarm a JOIN monitoring_point p ON p.id = a.device_id WHERE p.code = @code AND a.category = 'LimitHighHigh')", owner);
            raised.Parameters.AddWithValue("code", codes[point]);
            while (!(bool)(await raised.ExecuteScalarAsync())!)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"No high-high alarm for {codes[point]} after 30 s.");
                }

                await Task.Delay(5);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(200);
        }

        await reporting.CancelAsync();
        await background;
        return latencies;
    }

    /// <summary>One major hazard source and <paramref name="count"/> points (tank levels 0–100 %, H 80, HH 95, debounce 0, interval 10 s) with their states.</summary>
    private static async Task<(Guid EnterpriseId, List<string> Codes)> SeedPointsAsync(BenchmarkDatabase database, int count)
    {
        var migrator = new DatabaseMigrator(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
        await using var db = migrator.CreateOwnerContext(database.OwnerConnectionString);
        var enterprise = await db.Enterprises.OrderBy(e => e.Name).Select(e => new { e.Id, e.RegionCode }).FirstAsync();
        var source = MajorHazardSource.Create(enterprise.Id, enterprise.RegionCode, new MajorHazardSourceDetails("BENCH-MH-0001", "基准罐区", MajorHazardLevel.Level2, null, null, null, null), DateTimeOffset.UtcNow);
        db.Add(source);
        await db.SaveChangesAsync();

        var codes = Enumerable.Range(0, count).Select(i => $"LT-{i:D6}").ToList();
        var ids = codes.Select(_ => Guid.CreateVersion7()).ToArray();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO monitoring_point (id, enterprise_id, region_code, major_hazard_source_id, code, name, kind, unit, range_low, range_high, low_low, low, high, high_high, debounce_seconds, interval_seconds, created_at, updated_at)
            SELECT id, @enterprise, @region, @source, code, code, 1, '%', 0, 100, 5, 10, 80, 95, 0, 10, now(), now() FROM unnest(@ids, @codes) AS t(id, code);
            INSERT INTO monitoring_point_state (point_id, enterprise_id, region_code, since, band, pending_band, alarmed_band)
            SELECT id, @enterprise, @region, now(), 1, 1, 1 FROM unnest(@ids) AS t(id);
            """,
            [
                new NpgsqlParameter("enterprise", enterprise.Id), new NpgsqlParameter("region", enterprise.RegionCode), new NpgsqlParameter("source", source.Id),
                new NpgsqlParameter("ids", ids), new NpgsqlParameter("codes", codes.ToArray()),
            ]);
        return (enterprise.Id, codes);
    }

    private static byte[] Payload(IEnumerable<(string Code, DateTimeOffset At, double Value)> readings) =>
        Encoding.UTF8.GetBytes("[" + string.Join(',', readings.Select(r => string.Create(CultureInfo.InvariantCulture,
            $$"""{"point":"{{r.Code}}","time":"{{r.At:yyyy-MM-ddTHH:mm:ss.fffZ}}","value":{{r.Value:F2}}}"""))) + "]");

    private static async Task<long> AcceptedAsync(BenchmarkDatabase database, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        return (await CountAsync(owner, enterpriseId)).Accepted;
    }

    private static async Task<(long Accepted, long Refused)> CountAsync(NpgsqlConnection owner, Guid enterpriseId)
    {
        await using var count = new NpgsqlCommand(
            "SELECT coalesce(sum(accepted), 0)::bigint, coalesce(sum(malformed + unknown_point + out_of_time + out_of_range), 0)::bigint FROM monitoring_reading_count WHERE enterprise_id = @e", owner);
        count.Parameters.AddWithValue("e", enterpriseId);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task WaitForAcceptedAsync(BenchmarkDatabase database, Guid enterpriseId, long expected, TimeSpan timeout)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (accepted, refused) = await CountAsync(owner, enterpriseId);
            if (refused > 0)
            {
                throw new InvalidOperationException($"{refused} readings were refused; the benchmark's readings should all be accepted.");
            }

            if (accepted >= expected)
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{accepted:N0} of {expected:N0} readings accepted after {timeout}.");
            }

            await Task.Delay(50);
        }
    }

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }
}
