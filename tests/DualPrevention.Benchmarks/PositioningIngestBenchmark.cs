using System.Diagnostics;
using System.Globalization;
using System.Text;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Benchmarks;

/// <summary>
/// <c>positioning-ingest</c>: simulated tags publish fixes through a private mosquitto (started as the tests
/// start it, deploy/local/lib.sh) into the published app, whose job node consumes them (ADR 0038): first
/// 1,000,000 × scale fixes in messages of 100, then 20,000 × scale single-fix messages, from four publishers with QoS 1.
/// Each phase is timed from its first publish until <c>fix_count</c> shows every fix accepted (committed: latest
/// positions and the track written). The floor is a bare binary COPY of the same fixes, as the owner, into a table
/// shaped like <c>position_sample</c> with its key. Prints <c>fixes_per_second=</c>, <c>single_fix_messages_per_second=</c>
/// and <c>positioning_ingest_ratio=</c> (batch phase over COPY), and the CPU seconds the app, PostgreSQL, the broker
/// and the publishing benchmark spent in each (<see cref="ProcessCpu"/>). Every tag is worn by an employee and the
/// enterprise has 2,000 zones (a grid of 100 m squares) and one red zone closed to visitors, so the fence rules (ADR 0040) judge every
/// fix. Then, while the 300 tags go on reporting once a second, 40 visitors each send two fixes 31 s apart inside the red
/// zone in one message; <c>fix_to_alarm_p95_ms=</c> is the 95th percentile of the time from publishing that message to
/// its unauthorised entry standing in the alarm table.
/// </summary>
internal static class PositioningIngestBenchmark
{
    private const int Tags = 300;
    private const int FixesPerMessage = 100;
    private const int Publishers = 4;
    private const int InFlightPerPublisher = 64;
    private const int GridColumns = 50;
    private const int GridRows = 40;
    private const int Visitors = 40;

    /// <summary>
    /// Fixes sent before the timed phases, so that they measure a consumer in its steady state: the runtime compiles
    /// hot methods again, optimised, after they have run a while (tiered compilation), which a server does once after
    /// it starts and which otherwise fell into the timed phase (a fifth of the app's CPU there).
    /// </summary>
    private const int WarmUpFixes = 60_000;

    private const int WarmUpRounds = 100;

    /// <summary>The red zone closed to visitors, in plan metres, away from the grid the tags walk.</summary>
    private static readonly (double X, double Y, double Side) RedZone = (9000, 4500, 100);

    private sealed record Fix(Guid TagId, string Serial, DateTimeOffset Time, double X, double Y);

    public static async Task RunAsync(double scale)
    {
        var batchFixes = (int)Math.Round(1_000_000 * scale / FixesPerMessage) * FixesPerMessage;
        var singles = (int)Math.Round(20_000 * scale);
        var port = int.Parse(Environment.GetEnvironmentVariable("DP_BENCH_MQTT_PORT") ?? "1983", CultureInfo.InvariantCulture);
        var brokerDir = Path.Combine(Path.GetTempPath(), "dp-bench-mqtt");
        var password = await StartBrokerAsync(brokerDir, port);
        var mqtt = new MqttOptions { Host = "127.0.0.1", Port = port, Username = "dp-platform", Password = password };

        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, "Bench#Ingest2026", new Dictionary<string, string>
        {
            ["Mqtt:Host"] = mqtt.Host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = mqtt.Username,
            ["Mqtt:Password"] = mqtt.Password,
            // A share group of this run's own: a persistent session of an earlier run's app would take its share of the messages.
            ["Positioning:Ingest:ClientId"] = $"bench-{Guid.NewGuid():N}",
            ["Positioning:Ingest:Group"] = $"bench-{Guid.NewGuid():N}",
        });
        var (enterpriseId, tags) = await RegisterTagsAsync(database);
        var visitors = await SeedFencesAsync(database, enterpriseId, tags);
        var accounts = new BrokerAccounts(Options.Create(mqtt));
        var device = $"device-bench-{Guid.NewGuid():N}";
        await accounts.SetDeviceCredentialAsync(device, "bench-secret", enterpriseId, CancellationToken.None);
        var topic = FixTopics.Of(enterpriseId);

        // Each tag walks a metre a second, so the thinned track keeps every fix; times lie in the last hours.
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var perTag = (WarmUpFixes + batchFixes + singles) / Tags + 2;
        var all = Enumerable.Range(0, perTag)
            .SelectMany(step => tags.Select((t, i) => new Fix(t.Id, t.Serial, start.AddSeconds(step), i * 10 + step * 1.0 % 5000, step * 0.5 % 3000)))
            .ToList();
        var warmUp = all.Take(WarmUpFixes).ToList();
        var batched = all.Skip(WarmUpFixes).Take(batchFixes).ToList();
        var single = all.Skip(WarmUpFixes + batchFixes).Take(singles).ToList();

        var clients = new List<IMqttClient>();
        for (var i = 0; i < Publishers; i++)
        {
            clients.Add(await ConnectAsync(mqtt, device));
        }

        // Warm-up: a message published before the consumer has joined the share group reaches nobody, so the first message
        // is sent again until it is stored; then the rest of the warm-up fixes, until all are stored.
        for (var attempt = 1; ; attempt++)
        {
            await PublishAsync(clients, topic, [Payload(warmUp.Take(FixesPerMessage))]);
            try
            {
                await WaitForAcceptedAsync(database, enterpriseId, 1, TimeSpan.FromSeconds(10));
                break;
            }
            catch (TimeoutException) when (attempt < 60)
            {
            }
        }

        // In rounds, each stored before the next, so that the consumer stores many batches (the per-batch code is compiled
        // again too), as a server does in its first minutes.
        foreach (var round in warmUp.Skip(FixesPerMessage).Chunk(WarmUpFixes / WarmUpRounds))
        {
            var warmed = await AcceptedAsync(database, enterpriseId);
            await PublishAsync(clients, topic, [.. round.Chunk(FixesPerMessage).Select(Payload)]);
            await WaitForAcceptedAsync(database, enterpriseId, warmed + round.Length, TimeSpan.FromMinutes(1));
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await AcceptedAsync(database, enterpriseId);
        Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed phases)");

        var messages = batched.Chunk(FixesPerMessage).Select(Payload).ToList();
        var batchWatch = new Stopwatch();
        var published = TimeSpan.Zero;
        ProcessCpu[] servers =
        [
            new("app", app.ProcessId, withChildren: false),
            .. new[] { ProcessCpu.Postgres(await database.DataDirectoryAsync()), ProcessCpu.FromPidFile("broker", Path.Combine(brokerDir, "mosquitto.pid")) }.OfType<ProcessCpu>(),
            new("publisher", Environment.ProcessId, withChildren: false),
        ];
        var cpu = await ProcessCpu.DuringAsync(servers, async () =>
        {
            batchWatch.Start();
            await PublishAsync(clients, topic, messages);
            published = batchWatch.Elapsed;
            await WaitForAcceptedAsync(database, enterpriseId, before + batched.Count, TimeSpan.FromMinutes(30));
            batchWatch.Stop();
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batches: {batched.Count:N0} fixes in {messages.Count:N0} messages published in {published.TotalSeconds:F1} s, all committed after {batchWatch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"batch phase CPU seconds: {cpu}");

        var singleWatch = Stopwatch.StartNew();
        await PublishAsync(clients, topic, [.. single.Select(f => Payload([f]))]);
        await WaitForAcceptedAsync(database, enterpriseId, before + batched.Count + single.Count, TimeSpan.FromMinutes(30));
        singleWatch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single-fix messages: {single.Count:N0} committed after {singleWatch.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine($"load_average={MachineLoad.Averages()} (after the timed phases)");
        foreach (var client in clients)
        {
            client.Dispose();
        }

        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            await using var points = new NpgsqlCommand("SELECT count(*) FROM position_sample WHERE enterprise_id = @e", owner);
            points.Parameters.AddWithValue("e", enterpriseId);
            var stored = (long)(await points.ExecuteScalarAsync())!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"track points stored: {stored:N0} (every fix moved a metre)"));
        }

        var copy = TimeSpan.Zero;
        var copyCpu = await ProcessCpu.DuringAsync(servers, async () => copy = await TimeCopyAsync(database, batched, enterpriseId));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare COPY of the {batched.Count:N0} fixes: {copy.TotalSeconds:F2} s"));
        Console.WriteLine($"bare COPY CPU seconds: {copyCpu}");
        var latencies = await ProbeFixToAlarmAsync(database, mqtt, device, topic, tags, visitors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fix to alarm: {latencies.Count} visitors, median {Percentile(latencies, 0.5):F0} ms, max {latencies.Max():F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fix_to_alarm_p95_ms={Percentile(latencies, 0.95):F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fixes_per_second={batched.Count / batchWatch.Elapsed.TotalSeconds:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"single_fix_messages_per_second={single.Count / singleWatch.Elapsed.TotalSeconds:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"positioning_ingest_ratio={batchWatch.Elapsed.TotalSeconds / copy.TotalSeconds:F2}"));
    }

    private static byte[] Payload(IEnumerable<Fix> fixes) =>
        Encoding.UTF8.GetBytes("[" + string.Join(',', fixes.Select(f => string.Create(CultureInfo.InvariantCulture,
            $$"""{"tag":"{{f.Serial}}","time":"{{f.Time:yyyy-MM-ddTHH:mm:ss.fffZ}}","x":{{f.X:F2}},"y":{{f.Y:F2}},"floor":1,"accuracy":0.3,"battery":90}"""))) + "]");

    /// <summary>Starts the private broker with deploy/local/lib.sh, as test.sh does, and returns the platform's password.</summary>
    internal static async Task<string> StartBrokerAsync(string dir, int port)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DualPrevention.sln")))
        {
            root = root.Parent;
        }

        var lib = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found."), "deploy", "local", "lib.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $"source '{lib}' && dp_mqtt_start '{dir}' {port} >&2 && dp_mqtt_platform_password '{dir}'"])
        {
            RedirectStandardOutput = true,
        })!;
        var password = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? password.Trim() : throw new InvalidOperationException($"dp_mqtt_start failed ({process.ExitCode}).");
    }

    private static async Task<(Guid EnterpriseId, List<(Guid Id, string Serial)> Tags)> RegisterTagsAsync(BenchmarkDatabase database)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT id, region_code FROM enterprise ORDER BY name LIMIT 1", owner);
        Guid enterpriseId;
        string region;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (enterpriseId, region) = (reader.GetGuid(0), reader.GetString(1));
        }

        var tags = Enumerable.Range(0, Tags).Select(i => (Id: Guid.CreateVersion7(), Serial: $"BENCH-{i:D4}")).ToList();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO positioning_tag (id, enterprise_id, region_code, serial, kind, created_at) SELECT unnest(@ids), @enterprise, @region, unnest(@serials), 1, now()", owner);
        insert.Parameters.AddWithValue("ids", tags.Select(t => t.Id).ToArray());
        insert.Parameters.AddWithValue("enterprise", enterpriseId);
        insert.Parameters.AddWithValue("region", region);
        insert.Parameters.AddWithValue("serials", tags.Select(t => t.Serial).ToArray());
        await insert.ExecuteNonQueryAsync();
        return (enterpriseId, tags);
    }

    /// <summary>
    /// A site plan with the 2,000-zone grid and the red zone closed to visitors, an employee wearing each tag, and
    /// <see cref="Visitors"/> visitors with tags of their own (returned as id and serial).
    /// </summary>
    private static async Task<List<(Guid Id, string Serial)>> SeedFencesAsync(BenchmarkDatabase database, Guid enterpriseId, List<(Guid Id, string Serial)> tags)
    {
        var migrator = new DatabaseMigrator(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
        await using var db = migrator.CreateOwnerContext(database.OwnerConnectionString);
        var now = DateTimeOffset.UtcNow;
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var plan = SitePlan.Create(enterpriseId, region, "基准平面图", 10000, 5000, new PlanScale(0, 5000, 1), now);
        db.Add(plan);
        var all = PersonTypes.Employee | PersonTypes.Contractor | PersonTypes.Visitor | PersonTypes.Driver;
        for (var column = 0; column < GridColumns; column++)
        {
            for (var row = 0; row < GridRows; row++)
            {
                db.Add(Zone.Draw(plan, new ZoneDetails($"网格区{column:D2}-{row:D2}", Square(column * 100, row * 100, 100), RiskColor.Blue, AllowedPersonTypes: all), ZoneSource.Manual, now));
            }
        }

        db.Add(Zone.Draw(plan, new ZoneDetails("访客禁入红区", Square(RedZone.X, RedZone.Y, RedZone.Side), RiskColor.Red, AllowedPersonTypes: PersonTypes.Employee), ZoneSource.Manual, now));
        var registered = await db.Set<PositioningTag>().Where(t => t.EnterpriseId == enterpriseId).ToDictionaryAsync(t => t.Id);
        foreach (var (tag, i) in tags.Select((t, i) => (t, i)))
        {
            var worker = Person.Register(enterpriseId, region, $"基准员工{i:D3}", PersonTypes.Employee, null, TrainingStatus.Trained, now);
            db.AddRange(worker, TagBinding.Bind(registered[tag.Id], worker, now.AddDays(-1), null));
        }

        var visitors = new List<(Guid Id, string Serial)>();
        for (var i = 0; i < Visitors; i++)
        {
            var tag = PositioningTag.Register(enterpriseId, region, $"BENCH-V{i:D2}", TagKind.Badge, now);
            var visitor = Person.Register(enterpriseId, region, $"基准访客{i:D2}", PersonTypes.Visitor, "基准访问单位", TrainingStatus.Trained, now);
            db.AddRange(tag, visitor, TagBinding.Bind(tag, visitor, now.AddDays(-1), now.AddDays(1)));
            visitors.Add((tag.Id, tag.Serial));
        }

        await db.SaveChangesAsync();
        return visitors;
    }

    private static Polygon Square(double x, double y, double side) => new GeometryFactory(new PrecisionModel(), 0).CreatePolygon(
        [new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);

    /// <summary>
    /// The walking tags report once a second on one connection while, on another, each visitor in turn sends two fixes
    /// 31 s apart inside the red zone (past the 30 s debounce) in one message; the time from its publishing until its alarm
    /// is in the table, in milliseconds.
    /// </summary>
    private static async Task<List<double>> ProbeFixToAlarmAsync(
        BenchmarkDatabase database, MqttOptions mqtt, string device, string topic, List<(Guid Id, string Serial)> tags, List<(Guid Id, string Serial)> visitors)
    {
        using var walking = new CancellationTokenSource();
        using var walker = await ConnectAsync(mqtt, device);
        var background = Task.Run(async () =>
        {
            for (var step = 0; !walking.IsCancellationRequested; step++)
            {
                var now = DateTimeOffset.UtcNow;
                var fixes = tags.Select((t, i) => new Fix(t.Id, t.Serial, now, (i % GridColumns * 100) + 50 + (step % 20), (i / GridColumns * 100) + 50)).ToList();
                await PublishAsync([walker], topic, [.. fixes.Chunk(FixesPerMessage).Select(Payload)]);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), walking.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        using var prober = await ConnectAsync(mqtt, device);
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        var latencies = new List<double>();
        foreach (var visitor in visitors)
        {
            var now = DateTimeOffset.UtcNow;
            var inside = (RedZone.X + 50, RedZone.Y + 50);
            var payload = Payload([new Fix(visitor.Id, visitor.Serial, now.AddSeconds(-31), inside.Item1, inside.Item2), new Fix(visitor.Id, visitor.Serial, now, inside.Item1 + 1, inside.Item2)]);
            var watch = Stopwatch.StartNew();
            await PublishAsync([prober], topic, [payload]);
            await using var raised = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM alarm WHERE device_id = @tag AND category = 'UnauthorizedEntry')", owner);
            raised.Parameters.AddWithValue("tag", visitor.Id);
            while (!(bool)(await raised.ExecuteScalarAsync())!)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException($"No unauthorised entry for {visitor.Serial} after 30 s.");
                }

                await Task.Delay(5);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(200);
        }

        await walking.CancelAsync();
        await background;
        return latencies;
    }

    internal static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    internal static async Task<IMqttClient> ConnectAsync(MqttOptions mqtt, string device)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(mqtt.Host, mqtt.Port)
            .WithCredentials(device, "bench-secret")
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithClientId($"bench-pub-{Guid.NewGuid():N}")
            .Build());
        return client;
    }

    /// <summary>Publishes with QoS 1, round-robin over the clients, each with a window of unacknowledged messages.</summary>
    internal static async Task PublishAsync(List<IMqttClient> clients, string topic, List<byte[]> payloads)
    {
        await Task.WhenAll(clients.Select(async (client, c) =>
        {
            using var window = new SemaphoreSlim(InFlightPerPublisher);
            var pending = new List<Task>();
            for (var i = c; i < payloads.Count; i += clients.Count)
            {
                await window.WaitAsync();
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payloads[i])
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                pending.Add(client.PublishAsync(message).ContinueWith(t =>
                {
                    window.Release();
                    return t.Result.ReasonCode == MqttClientPublishReasonCode.Success ? t : throw new InvalidOperationException($"Publish refused: {t.Result.ReasonCode}");
                }, TaskScheduler.Default));
            }

            await Task.WhenAll(pending);
        }));
    }

    private static async Task<long> AcceptedAsync(BenchmarkDatabase database, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        return (await CountAsync(owner, enterpriseId)).Accepted;
    }

    private static async Task<(long Accepted, long Refused)> CountAsync(NpgsqlConnection owner, Guid enterpriseId)
    {
        await using var count = new NpgsqlCommand("SELECT coalesce(sum(accepted), 0)::bigint, coalesce(sum(malformed + unknown_tag + other_enterprise + too_far_in_future + too_far_in_past + out_of_range), 0)::bigint FROM fix_count WHERE enterprise_id = @e", owner);
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
                throw new InvalidOperationException($"{refused} fixes were refused; the benchmark's fixes should all be accepted.");
            }

            if (accepted >= expected)
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{accepted:N0} of {expected:N0} fixes accepted after {timeout}.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<TimeSpan> TimeCopyAsync(BenchmarkDatabase database, List<Fix> fixes, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE bench_copy (LIKE position_sample INCLUDING DEFAULTS, PRIMARY KEY (tag_id, fixed_at))", owner))
        {
            await create.ExecuteNonQueryAsync();
        }

        await database.CheckpointAsync();
        var watch = Stopwatch.StartNew();
        await using (var writer = await owner.BeginBinaryImportAsync(
            "COPY bench_copy (tag_id, fixed_at, enterprise_id, region_code, x, y, floor, accuracy, battery, sos, fall) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var fix in fixes)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(fix.TagId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(fix.Time, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(enterpriseId, NpgsqlDbType.Uuid);
                await writer.WriteAsync("370202", NpgsqlDbType.Varchar);
                await writer.WriteAsync(fix.X, NpgsqlDbType.Double);
                await writer.WriteAsync(fix.Y, NpgsqlDbType.Double);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(0.3, NpgsqlDbType.Double);
                await writer.WriteAsync(90, NpgsqlDbType.Integer);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
            }

            await writer.CompleteAsync();
        }

        watch.Stop();
        return watch.Elapsed;
    }
}
