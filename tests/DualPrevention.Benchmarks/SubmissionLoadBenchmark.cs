using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// The morning shift change: 1,000 inspectors of one enterprise (copies of demo-qd1-inspector, same post and password)
/// each submit the check of their own window and then read their task list, against the published app
/// (<see cref="PublishedApp"/>, production settings, its default connection pool) on loopback. The inspectors sign in
/// first (not timed; the sign-in throttle is raised through configuration, ADR 0017), then all start at one signal; at
/// most <c>--connections</c> (default 100) are in flight at once, as a load generator's connections bound them. A
/// request's latency runs from sending to the whole answer read. Printed: answers by status, latencies, the app's
/// connections seen in <c>pg_stat_activity</c> at the peak, and last
/// <c>submission_errors=… submission_p95_ms=… submissions_per_second=…</c> (errors: answers ≥ 500 or no answer, of
/// both requests).
/// At a shift change each inspector checks the points of their own round: the benchmark gives each inspector a window
/// of their own, assigned to them (a copy of a window open now, its start a second apart). With
/// <c>--shared-windows</c> the inspectors share the started windows of demo-qd1 instead (24 of them for 1,000
/// inspectors): every submission on one window then waits for the row lock of the one before it, which measures
/// duplicate submissions of one check rather than a shift change.
/// A shift change meets a node that has served the night: before the signal, <see cref="WarmUpInspectors"/> other
/// inspectors (their own users and windows, not counted) make the same two requests, so that the timed requests run
/// the app's compiled code rather than its first, unoptimised tier and the JIT compiler.
/// </summary>
internal static class SubmissionLoadBenchmark
{
    private const string Password = "Hazard#Qd7x";

    private const string Template = "demo-qd1-inspector";

    /// <summary>Inspectors whose submissions warm the app up before the timed ones.</summary>
    private const int WarmUpInspectors = 200;

    public static async Task RunAsync(int inspectors, int connections, bool sharedWindows)
    {
        Console.WriteLine($"load average before: {MachineLoad.Averages()}");
        await using var database = await BenchmarkDatabase.CreateAsync();
        await using var app = await PublishedApp.StartAsync(database, Password, new Dictionary<string, string>
        {
            // Every inspector signs in from the benchmark's one address within a minute.
            ["SignInThrottle:PerClientPermitLimit"] = "1000000",
            ["SignInThrottle:PerUserNamePermitLimit"] = "1000000",
        });
        var everyone = inspectors + WarmUpInspectors;
        await CopyInspectorsAsync(database, everyone);
        var windows = sharedWindows ? await SharedWindowsAsync(database, inspectors) : await OwnWindowsAsync(database);
        Console.WriteLine($"{inspectors:N0} inspectors on {windows.Count:N0} started windows of demo-qd1 ({(sharedWindows ? "shared" : "one each, assigned")})");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(app.BaseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var signIn = Stopwatch.StartNew();
        var tokens = await SignInAsync(http, everyone);
        Console.WriteLine($"signed in {tokens.Length:N0} inspectors in {signIn.Elapsed.TotalSeconds:F1} s");
        var warmUp = Stopwatch.StartNew();
        var warmUpSlots = new SemaphoreSlim(connections);
        var warmed = await Task.WhenAll(Enumerable.Range(inspectors, WarmUpInspectors).Select(async i =>
        {
            await warmUpSlots.WaitAsync();
            try
            {
                return await InspectAsync(http, tokens[i], windows[i % windows.Count]);
            }
            finally
            {
                warmUpSlots.Release();
            }
        }));
        Console.WriteLine(Invariant($"warmed up with {WarmUpInspectors} other inspectors in {warmUp.Elapsed.TotalSeconds:F1} s (not counted; answers: {Statuses(warmed.Select(r => r.SubmitStatus).Concat(warmed.Select(r => r.ListStatus)))})"));

        var peak = new PeakConnections(database.OwnerConnectionString);
        var slots = new SemaphoreSlim(connections);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = Enumerable.Range(0, inspectors).Select(async i =>
        {
            await start.Task;
            await slots.WaitAsync();
            try
            {
                return await InspectAsync(http, tokens[i], windows[i % windows.Count]);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        var watching = peak.WatchAsync();
        var began = Stopwatch.GetTimestamp();
        start.SetResult();
        var results = await Task.WhenAll(runs);
        var wall = Stopwatch.GetElapsedTime(began);
        await peak.StopAsync(watching);

        Print(results, wall, Stopwatch.GetElapsedTime(began, results.Max(r => r.SubmittedAt)), peak.Value, connections);
    }

    /// <summary>Copies the demo inspector <paramref name="inspectors"/> times (same password hash, so no hashing here).</summary>
    private static async Task CopyInspectorsAsync(BenchmarkDatabase database, int inspectors)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using (var copy = new NpgsqlCommand(
            """
            INSERT INTO app_user (id, display_name, enterprise_id, scope_region_code, must_change_password, preferred_culture, created_at,
                user_name, normalized_user_name, email_confirmed, password_hash, security_stamp, concurrency_stamp, phone_number_confirmed,
                two_factor_enabled, lockout_enabled, access_failed_count, department, post)
            SELECT gen_random_uuid(), u.display_name || n, u.enterprise_id, u.scope_region_code, false, u.preferred_culture, u.created_at,
                'demo-qd1-load' || n, upper('demo-qd1-load' || n), false, u.password_hash, upper(replace(gen_random_uuid()::text, '-', '')),
                gen_random_uuid()::text, false, false, u.lockout_enabled, 0, u.department, u.post
            FROM app_user u, generate_series(1, @inspectors) n WHERE u.user_name = @template;
            INSERT INTO app_user_role (user_id, role_id)
            SELECT copy.id, role.role_id
            FROM app_user copy, app_user template JOIN app_user_role role ON role.user_id = template.id
            WHERE copy.user_name LIKE 'demo-qd1-load%' AND template.user_name = @template;
            """, owner))
        {
            copy.Parameters.AddWithValue("inspectors", inspectors);
            copy.Parameters.AddWithValue("template", Template);
            await copy.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// One window for each copied inspector, in the order of their numbers: a copy of the newest window open now (for
    /// anyone or the inspector's post, at least 15 minutes left), assigned to the inspector, starting n seconds earlier
    /// so that (definition, start) stays unique.
    /// </summary>
    private static async Task<List<Guid>> OwnWindowsAsync(BenchmarkDatabase database)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var copy = new NpgsqlCommand(
            """
            WITH template AS (
                SELECT t.* FROM inspection_task t JOIN app_user u ON u.user_name = @template AND u.enterprise_id = t.enterprise_id
                WHERE t.window_start <= now() AND t.window_end > now() + interval '15 minutes' AND t.status IN (0, 1)
                  AND t.assignee_user_id IS NULL AND (t.assignee_post IS NULL OR t.assignee_post = u.post)
                ORDER BY t.window_start DESC LIMIT 1),
            inspector AS (
                SELECT id, substring(user_name FROM 14)::int AS n FROM app_user WHERE user_name LIKE 'demo-qd1-load%'),
            copied AS (
                INSERT INTO inspection_task
                SELECT (jsonb_populate_record(null::inspection_task, to_jsonb(t) || jsonb_build_object(
                    'id', gen_random_uuid(), 'window_start', t.window_start - make_interval(secs => i.n),
                    'assignee_user_id', i.id, 'assignee_post', null, 'record_id', null, 'status', 0))).*
                FROM template t, inspector i
                RETURNING id, assignee_user_id)
            SELECT copied.id FROM copied JOIN inspector ON inspector.id = copied.assignee_user_id ORDER BY inspector.n
            """, owner);
        copy.Parameters.AddWithValue("template", Template);
        var windows = new List<Guid>();
        await using var reader = await copy.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            windows.Add(reader.GetGuid(0));
        }

        return windows.Count > 0 ? windows : throw new InvalidOperationException("demo-qd1 has no window open now with 15 minutes left for its inspectors.");
    }

    /// <summary>The newest windows of demo-qd1 that have started, shared by the inspectors in turn.</summary>
    private static async Task<List<Guid>> SharedWindowsAsync(BenchmarkDatabase database, int inspectors)
    {
        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();

        // One window each where there are enough: the newest windows that have started (open now, or late), neither
        // suspended nor cancelled, not assigned to a named person, and for anyone or for the inspector's post.
        await using var open = new NpgsqlCommand(
            """
            SELECT t.id FROM inspection_task t JOIN app_user u ON u.user_name = @template AND u.enterprise_id = t.enterprise_id
            WHERE t.window_start <= now() AND t.status IN (0, 1, 2, 3)
              AND t.assignee_user_id IS NULL AND (t.assignee_post IS NULL OR t.assignee_post = u.post)
            ORDER BY t.window_start DESC LIMIT @inspectors
            """, owner);
        open.Parameters.AddWithValue("template", Template);
        open.Parameters.AddWithValue("inspectors", inspectors);
        var windows = new List<Guid>();
        await using var reader = await open.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            windows.Add(reader.GetGuid(0));
        }

        return windows.Count > 0 ? windows : throw new InvalidOperationException("demo-qd1 has no window open now for its inspectors.");
    }

    private static async Task<string[]> SignInAsync(HttpClient http, int inspectors)
    {
        var tokens = new string[inspectors];
        await Parallel.ForEachAsync(Enumerable.Range(0, inspectors), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var answer = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = $"demo-qd1-load{i + 1}", password = Password }, ct);
            answer.EnsureSuccessStatusCode();
            tokens[i] = (await answer.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
        });
        return tokens;
    }

    private static async Task<Inspection> InspectAsync(HttpClient http, string token, Guid window)
    {
        var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/inspections/tasks/{window}/records")
        {
            Content = JsonContent.Create(new { submissionId = Guid.NewGuid(), result = "Normal", note = "交接班检查" }),
        };
        var (submitStatus, submitMs) = await SendAsync(http, submit, token);
        var submittedAt = Stopwatch.GetTimestamp();
        var (listStatus, listMs) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, "/api/v1/inspections/my-tasks"), token);
        return new Inspection(submitStatus, submitMs, listStatus, listMs, submittedAt);
    }

    /// <summary>The status (0: no answer) and milliseconds from sending to the whole body read.</summary>
    private static async Task<(int Status, double Ms)> SendAsync(HttpClient http, HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var answer = await http.SendAsync(request);
            await answer.Content.ReadAsByteArrayAsync();
            return ((int)answer.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary><paramref name="submitting"/>: from the signal to the last submission's answer.</summary>
    private static void Print(Inspection[] results, TimeSpan wall, TimeSpan submitting, long peakConnections, int connections)
    {
        var inspectors = results.Length;
        var errors = results.Count(r => r.SubmitStatus is 0 or >= 500) + results.Count(r => r.ListStatus is 0 or >= 500);
        Console.WriteLine($"submissions by status: {Statuses(results.Select(r => r.SubmitStatus))}");
        Console.WriteLine($"task lists by status:  {Statuses(results.Select(r => r.ListStatus))}");
        Console.WriteLine(Invariant($"submission ms: p50 {Percentile(results.Select(r => r.SubmitMs), 0.50):F0}, p95 {Percentile(results.Select(r => r.SubmitMs), 0.95):F0}, p99 {Percentile(results.Select(r => r.SubmitMs), 0.99):F0}, max {results.Max(r => r.SubmitMs):F0}"));
        Console.WriteLine(Invariant($"task list ms:  p50 {Percentile(results.Select(r => r.ListMs), 0.50):F0}, p95 {Percentile(results.Select(r => r.ListMs), 0.95):F0}, max {results.Max(r => r.ListMs):F0}"));
        Console.WriteLine(Invariant($"{inspectors:N0} inspectors, at most {connections} in flight: all done in {wall.TotalSeconds:F2} s; app connections to PostgreSQL at the peak: {peakConnections}"));
        Console.WriteLine($"load average after: {MachineLoad.Averages()}");
        Console.WriteLine(Invariant($"submission_errors={errors} submission_p95_ms={Percentile(results.Select(r => r.SubmitMs), 0.95):F0} submissions_per_second={inspectors / submitting.TotalSeconds:F0}"));
    }

    private static string Statuses(IEnumerable<int> statuses) =>
        string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count():N0}"));

    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Inspection(int SubmitStatus, double SubmitMs, int ListStatus, double ListMs, long SubmittedAt);

    /// <summary>The most connections the app's role held at once, sampled every 50 ms while the load runs.</summary>
    private sealed class PeakConnections(string ownerConnectionString)
    {
        private readonly CancellationTokenSource _stop = new();

        public long Value { get; private set; }

        public async Task WatchAsync()
        {
            await using var connection = new NpgsqlConnection(ownerConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE usename = 'dp_app'", connection);
            while (!_stop.IsCancellationRequested)
            {
                Value = Math.Max(Value, (long)(await count.ExecuteScalarAsync())!);
                await Task.Delay(50);
            }
        }

        public async Task StopAsync(Task watching)
        {
            await _stop.CancelAsync();
            await watching;
            _stop.Dispose();
        }
    }
}
