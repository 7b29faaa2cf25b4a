using System.Diagnostics;
using System.Globalization;
using System.Text;
using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MQTTnet;
using Npgsql;
using SkiaSharp;

namespace DualPrevention.Benchmarks;

/// <summary>
/// <c>video-intake</c>: AI boxes publish video alarms, each with a ≈100 KB JPEG snapshot as base64, through a private
/// mosquitto into the published app, whose job node takes them in (ADR 0046): 20,000 × scale alarms from four
/// publishers with QoS 1 over 200 cameras and four categories, so that most merge into the open alarm of their camera
/// and category (dedup), and one in twenty is a message sent again (the same event id: repeated, nothing stored). Timed
/// from the first publish until every new alarm's evidence is committed; prints <c>video_alarms_per_second=</c>. The
/// floor writes the same snapshot files (as the photo store writes them) and the same rows (alarm, alarm_event, photo,
/// video_alarm_evidence, copied out of the app's tables) bare; <c>video_intake_ratio=</c> is intake over floor. Then,
/// while 5 alarms a second keep arriving, 60 probe alarms of a camera of their own each: <c>video_intake_p95_ms=</c> is
/// the 95th percentile of the time from publishing one until its alarm stands in the alarm table the duty page reads.
/// </summary>
internal static class VideoIntakeBenchmark
{
    private const int Cameras = 200;
    private const int Publishers = 4;
    private const int Snapshots = 12;
    private const int WarmUpAlarms = 400;
    private const int Probes = 60;
    private const int BackgroundPerSecond = 5;
    private static readonly string[] Categories = ["Smoking", "NoHelmet", "Intrusion", "PhoneUse"];

    public static async Task RunAsync(double scale)
    {
        var alarms = (int)Math.Round(20_000 * scale);
        var port = int.Parse(Environment.GetEnvironmentVariable("DP_BENCH_MQTT_PORT") ?? "1983", CultureInfo.InvariantCulture);
        var brokerDir = Path.Combine(Path.GetTempPath(), "dp-bench-mqtt");
        var password = await PositioningIngestBenchmark.StartBrokerAsync(brokerDir, port);
        var mqtt = new MqttOptions { Host = "127.0.0.1", Port = port, Username = "dp-platform", Password = password };
        var photos = Path.Combine(Path.GetTempPath(), $"dp-bench-video-photos-{Guid.NewGuid():N}");
        var floorFiles = Path.Combine(Path.GetTempPath(), $"dp-bench-video-floor-{Guid.NewGuid():N}");

        var images = GenerateSnapshots();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"snapshots: {images.Count} JPEGs of 1280×720, {images.Average(i => i.Length) / 1024:F0} KB on average"));

        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, "Bench#Video2026", new Dictionary<string, string>
        {
            ["Mqtt:Host"] = mqtt.Host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:Username"] = mqtt.Username,
            ["Mqtt:Password"] = mqtt.Password,
            ["VideoAlarms:Ingest:ClientId"] = $"bench-{Guid.NewGuid():N}",
            ["VideoAlarms:Ingest:Group"] = $"bench-{Guid.NewGuid():N}",
            ["Storage:PhotoDirectory"] = photos,
        });
        try
        {
            var (enterpriseId, cameras) = await RegisterCamerasAsync(database, Cameras + Probes);
            var accounts = new BrokerAccounts(Options.Create(mqtt));
            var device = $"device-bench-{Guid.NewGuid():N}";
            await accounts.SetDeviceCredentialAsync(device, "bench-secret", enterpriseId, CancellationToken.None);
            var topic = VideoAlarmTopics.Of(enterpriseId);
            var base64 = images.Select(Convert.ToBase64String).ToList();
            var load = cameras.Take(Cameras).ToList();
            var probes = cameras.Skip(Cameras).ToList();

            var clients = new List<IMqttClient>();
            for (var i = 0; i < Publishers; i++)
            {
                clients.Add(await PositioningIngestBenchmark.ConnectAsync(mqtt, device));
            }

            // Warm-up: the first message until the consumer has joined its share group, then the rest in rounds.
            var sequence = 0;
            for (var attempt = 1; ; attempt++)
            {
                await PositioningIngestBenchmark.PublishAsync(clients, topic, [Payload(load[0], Categories[0], $"warm-{sequence++}", base64[0])]);
                try
                {
                    await WaitForEvidenceAsync(database, enterpriseId, 1, TimeSpan.FromSeconds(10));
                    break;
                }
                catch (TimeoutException) when (attempt < 60)
                {
                }
            }

            foreach (var round in Enumerable.Range(0, WarmUpAlarms).Chunk(WarmUpAlarms / 10))
            {
                var warmed = await EvidenceAsync(database, enterpriseId);
                await PositioningIngestBenchmark.PublishAsync(clients, topic, [.. round.Select(i => Payload(load[i % Cameras], Categories[i / Cameras % Categories.Length], $"warm-{sequence++}", base64[i % Snapshots]))]);
                await WaitForEvidenceAsync(database, enterpriseId, warmed + round.Length, TimeSpan.FromMinutes(5));
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            var before = await EvidenceAsync(database, enterpriseId);
            var firstTimed = await FirstTimedAsync(database, enterpriseId);
            Console.WriteLine($"load_average={MachineLoad.Averages()} (before the timed phase)");

            // One in twenty is a message sent again (a box retrying): the same camera and event id, repeated.
            var messages = new List<byte[]>(alarms);
            var unique = 0;
            for (var i = 0; i < alarms; i++)
            {
                var again = i % 20 == 19;
                var n = again ? unique - 10 : unique++;
                messages.Add(Payload(load[n % Cameras], Categories[n / Cameras % Categories.Length], $"evt-{n}", base64[n % Snapshots]));
            }

            ProcessCpu[] servers =
            [
                new("app", app.ProcessId, withChildren: false),
                .. new[] { ProcessCpu.Postgres(await database.DataDirectoryAsync()), ProcessCpu.FromPidFile("broker", Path.Combine(brokerDir, "mosquitto.pid")) }.OfType<ProcessCpu>(),
                new("publisher", Environment.ProcessId, withChildren: false),
            ];
            var watch = new Stopwatch();
            var published = TimeSpan.Zero;
            var cpu = await ProcessCpu.DuringAsync(servers, async () =>
            {
                watch.Start();
                await PositioningIngestBenchmark.PublishAsync(clients, topic, messages);
                published = watch.Elapsed;
                await WaitForEvidenceAsync(database, enterpriseId, before + unique, TimeSpan.FromMinutes(60));
                watch.Stop();
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarms: {alarms:N0} messages ({unique:N0} new, {alarms - unique:N0} sent again, {messages.Sum(m => (long)m.Length) / 1048576:N0} MiB) published in {published.TotalSeconds:F1} s, all committed after {watch.Elapsed.TotalSeconds:F1} s"));
            Console.WriteLine($"intake CPU seconds: {cpu}");
            Console.WriteLine($"alarm centre: {await AlarmSummaryAsync(database, enterpriseId)}");
            Console.WriteLine($"load_average={MachineLoad.Averages()} (after the timed phase)");

            var floor = TimeSpan.Zero;
            var floorCpu = await ProcessCpu.DuringAsync(servers, async () => floor = await TimeFloorAsync(database, enterpriseId, firstTimed, images, unique, floorFiles));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare floor ({unique:N0} snapshot files and their rows): {floor.TotalSeconds:F2} s"));
            Console.WriteLine($"bare floor CPU seconds: {floorCpu}");

            var latencies = await ProbeAsync(database, enterpriseId, mqtt, device, topic, load, probes, base64);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"intake to alarm table: {latencies.Count} probes, median {PositioningIngestBenchmark.Percentile(latencies, 0.5):F0} ms, max {latencies.Max():F0} ms"));
            foreach (var client in clients)
            {
                client.Dispose();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video_alarms_per_second={alarms / watch.Elapsed.TotalSeconds:F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video_intake_p95_ms={PositioningIngestBenchmark.Percentile(latencies, 0.95):F0}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"video_intake_ratio={watch.Elapsed.TotalSeconds / floor.TotalSeconds:F2}"));
        }
        finally
        {
            foreach (var dir in new[] { photos, floorFiles }.Where(Directory.Exists))
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // The app still runs here and may be storing a snapshot; what is left stays in TMPDIR, and the run's own error is not hidden.
                    Console.Error.WriteLine($"Could not remove {dir}; remove it by hand.");
                }
            }
        }
    }

    /// <summary>Camera-like pictures: a sky-to-ground gradient, plant shapes, sensor noise; the JPEG quality chosen so each is about 100 KB.</summary>
    private static List<byte[]> GenerateSnapshots()
    {
        var random = new Random(46);
        var result = new List<byte[]>();
        for (var n = 0; n < Snapshots; n++)
        {
            using var bitmap = new SKBitmap(1280, 720, SKColorType.Rgba8888, SKAlphaType.Opaque);
            using (var canvas = new SKCanvas(bitmap))
            {
                using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 720), [new SKColor(150, 180, 210), new SKColor(90, 90, 80)], SKShaderTileMode.Clamp) };
                canvas.DrawRect(0, 0, 1280, 720, sky);
                using var paint = new SKPaint { IsAntialias = true };
                for (var s = 0; s < 60; s++)
                {
                    paint.Color = new SKColor((byte)random.Next(40, 220), (byte)random.Next(40, 220), (byte)random.Next(40, 220));
                    canvas.DrawRect(random.Next(0, 1200), random.Next(200, 700), random.Next(10, 200), random.Next(10, 300), paint);
                }
            }

            var pixels = bitmap.GetPixelSpan();
            var noisy = pixels.ToArray();
            for (var i = 0; i < noisy.Length; i += 4)
            {
                var d = random.Next(-12, 13);
                noisy[i] = (byte)Math.Clamp(noisy[i] + d, 0, 255);
                noisy[i + 1] = (byte)Math.Clamp(noisy[i + 1] + d, 0, 255);
                noisy[i + 2] = (byte)Math.Clamp(noisy[i + 2] + d, 0, 255);
            }

            System.Runtime.InteropServices.Marshal.Copy(noisy, 0, bitmap.GetPixels(), noisy.Length);
            byte[] jpeg = [];
            for (var quality = 90; quality >= 20; quality -= 5)
            {
                using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
                jpeg = encoded.ToArray();
                if (jpeg.Length <= 110 * 1024)
                {
                    break;
                }
            }

            result.Add(jpeg);
        }

        return result;
    }

    private static byte[] Payload((Guid Id, string DeviceId) camera, string category, string eventId, string snapshot) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"camera":"{{camera.DeviceId}}","vendor":"platform","algorithm":"{{category}}","time":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}","confidence":0.87,"boxes":[{"x":0.42,"y":0.18,"w":0.11,"h":0.36}],"clipUrl":"https://box.example.cn/clip/{{eventId}}.mp4","eventId":"{{eventId}}","snapshot":"{{snapshot}}"}"""));

    private static async Task<(Guid EnterpriseId, List<(Guid Id, string DeviceId)> Cameras)> RegisterCamerasAsync(BenchmarkDatabase database, int count)
    {
        var migrator = new DatabaseMigrator(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
        await using var db = migrator.CreateOwnerContext(database.OwnerConnectionString);
        var enterprise = await db.Enterprises.OrderBy(e => e.Name).Select(e => new { e.Id, e.RegionCode }).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var cameras = Enumerable.Range(0, count)
            .Select(i => Camera.Register(enterprise.Id, enterprise.RegionCode, new CameraDetails($"基准摄像机{i:D3}", $"3702020000132{i:D7}", "", null, null, null, "dahua", true), null, now))
            .ToList();
        db.AddRange(cameras);
        await db.SaveChangesAsync();
        return (enterprise.Id, [.. cameras.Select(c => (c.Id, c.DeviceId))]);
    }

    private static async Task<long> EvidenceAsync(BenchmarkDatabase database, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        return await CountAsync(owner, enterpriseId);
    }

    private static async Task<long> CountAsync(NpgsqlConnection owner, Guid enterpriseId)
    {
        await using var refused = new NpgsqlCommand("SELECT coalesce(sum(count), 0)::bigint FROM video_alarm_refusal_count WHERE enterprise_id = @e", owner);
        refused.Parameters.AddWithValue("e", enterpriseId);
        if ((long)(await refused.ExecuteScalarAsync())! is > 0 and var n)
        {
            throw new InvalidOperationException($"{n} video alarms were refused; the benchmark's alarms should all be accepted.");
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM video_alarm_evidence WHERE enterprise_id = @e", owner);
        count.Parameters.AddWithValue("e", enterpriseId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task WaitForEvidenceAsync(BenchmarkDatabase database, Guid enterpriseId, long expected, TimeSpan timeout)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var stored = await CountAsync(owner, enterpriseId);
            if (stored >= expected)
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{stored:N0} of {expected:N0} video alarms stored after {timeout}.");
            }

            await Task.Delay(50);
        }
    }

    private static async Task<DateTimeOffset> FirstTimedAsync(BenchmarkDatabase database, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var latest = new NpgsqlCommand("SELECT max(received_at) FROM video_alarm_evidence WHERE enterprise_id = @e", owner);
        latest.Parameters.AddWithValue("e", enterpriseId);
        return ((DateTime)(await latest.ExecuteScalarAsync())!).ToUniversalTime();
    }

    private static async Task<string> AlarmSummaryAsync(BenchmarkDatabase database, Guid enterpriseId)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var summary = new NpgsqlCommand("SELECT count(*), count(*) FILTER (WHERE merged_into_id IS NULL) FROM alarm WHERE enterprise_id = @e AND source = 1", owner);
        summary.Parameters.AddWithValue("e", enterpriseId);
        await using var reader = await summary.ExecuteReaderAsync();
        await reader.ReadAsync();
        return string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0):N0} video alarms, {reader.GetInt64(1):N0} of them on the duty list (the rest merged)");
    }

    /// <summary>
    /// Writes the timed phase's snapshot files as the photo store writes them (a temporary file, then renamed, two at a
    /// time like the app's decoders), and its rows of alarm, alarm_event, photo and video_alarm_evidence, copied out of
    /// the app's tables beforehand, with binary COPY into tables of the same shape and indexes, as the owner.
    /// </summary>
    private static async Task<TimeSpan> TimeFloorAsync(BenchmarkDatabase database, Guid enterpriseId, DateTimeOffset since, List<byte[]> images, int files, string directory)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        var tables = new (string Table, string Rows)[]
        {
            ("alarm", "SELECT * FROM alarm WHERE enterprise_id = @e AND raised_at > @since"),
            ("alarm_event", "SELECT * FROM alarm_event WHERE enterprise_id = @e AND at > @since"),
            ("photo", "SELECT * FROM photo WHERE enterprise_id = @e AND uploaded_at > @since"),
            ("video_alarm_evidence", "SELECT * FROM video_alarm_evidence WHERE enterprise_id = @e AND received_at > @since"),
        };
        var copies = new List<(string Table, byte[] Rows)>();
        foreach (var (table, rows) in tables)
        {
            await using (var create = new NpgsqlCommand($"CREATE TABLE bench_{table} (LIKE {table} INCLUDING DEFAULTS INCLUDING INDEXES)", owner))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var export = new NpgsqlCommand($"CREATE TEMP TABLE out_{table} AS {rows}", owner);
            export.Parameters.AddWithValue("e", enterpriseId);
            export.Parameters.AddWithValue("since", since);
            await export.ExecuteNonQueryAsync();
            using var buffer = new MemoryStream();
            await using (var reader = await owner.BeginRawBinaryCopyAsync($"COPY out_{table} TO STDOUT (FORMAT BINARY)"))
            {
                await reader.CopyToAsync(buffer);
            }

            copies.Add((table, buffer.ToArray()));
        }

        Directory.CreateDirectory(directory);
        await database.CheckpointAsync();
        var watch = Stopwatch.StartNew();
        var writing = Task.WhenAll(Enumerable.Range(0, 2).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < files; i += 2)
            {
                var key = Guid.NewGuid().ToString("N");
                var path = Path.Combine(directory, key[..2], key);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path + ".part", images[i % images.Count]);
                File.Move(path + ".part", path);
            }
        })));
        foreach (var (table, rows) in copies)
        {
            await using var writer = await owner.BeginRawBinaryCopyAsync($"COPY bench_{table} FROM STDIN (FORMAT BINARY)");
            await writer.WriteAsync(rows);
        }

        await writing;
        watch.Stop();
        return watch.Elapsed;
    }

    /// <summary>
    /// While the load cameras send <see cref="BackgroundPerSecond"/> alarms a second on one connection, each probe camera in
    /// turn sends one alarm on another; the time from its publishing until its alarm is in the alarm table, in milliseconds.
    /// </summary>
    private static async Task<List<double>> ProbeAsync(
        BenchmarkDatabase database, Guid enterpriseId, MqttOptions mqtt, string device, string topic, List<(Guid Id, string DeviceId)> load, List<(Guid Id, string DeviceId)> probes, List<string> base64)
    {
        using var stopping = new CancellationTokenSource();
        using var sender = await PositioningIngestBenchmark.ConnectAsync(mqtt, device);
        var background = Task.Run(async () =>
        {
            for (var step = 0; !stopping.IsCancellationRequested; step++)
            {
                await PositioningIngestBenchmark.PublishAsync([sender], topic, [Payload(load[step % load.Count], Categories[step % Categories.Length], $"bg-{step}", base64[step % base64.Count])]);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1.0 / BackgroundPerSecond), stopping.Token);
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
        foreach (var (probe, i) in probes.Select((p, i) => (p, i)))
        {
            var payload = Payload(probe, Categories[i % Categories.Length], $"probe-{i}", base64[i % base64.Count]);
            var watch = Stopwatch.StartNew();
            await PositioningIngestBenchmark.PublishAsync([prober], topic, [payload]);
            await using var raised = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM alarm WHERE enterprise_id = @e AND source = 1 AND source_event_id = @id)", owner);
            raised.Parameters.AddWithValue("e", enterpriseId);
            raised.Parameters.AddWithValue("id", $"{probe.Id:N}:probe-{i}");
            while (!(bool)(await raised.ExecuteScalarAsync())!)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"No alarm for probe {i} after 60 s.");
                }

                await Task.Delay(5);
            }

            latencies.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(200);
        }

        await stopping.CancelAsync();
        await background;
        return latencies;
    }
}
