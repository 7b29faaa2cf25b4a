using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.IntegrationTests.Faults;

/// <summary>
/// The demo database (demo-qd1 with the sample risk-control list) on a test class's own cluster, so stopping the
/// server or killing the app disturbs no other test; made per test and dropped afterwards. Starts the real app over
/// it as a child process and reads outcomes by SQL as the superuser, whom row-level security does not bind.
/// </summary>
internal sealed class FaultDatabase(PrivatePostgresCluster cluster) : SampleRegisterDatabase, IAsyncDisposable
{
    /// <summary>Long enough for a start and a job on a loaded two-core machine; a wait ends as soon as its state is seen.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public static async Task<FaultDatabase> CreateAsync(PrivatePostgresCluster cluster)
    {
        var database = new FaultDatabase(cluster);
        await database.InitializeAsync();
        return database;
    }

    /// <summary>Superuser connection to this database.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Database = Name }.ConnectionString;

    /// <summary>
    /// How long a job whose app was killed stays invisible: the restarted app runs it again within this and
    /// <see cref="JobPolling"/> (the configured default is 5 minutes, docs/operations.md).
    /// </summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often the app moves due retries to the queue (Hangfire's default is 15 s).</summary>
    public static readonly TimeSpan JobPolling = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The app (web and job node) over this database, from the build next to the tests, with Hangfire's timings
    /// shortened by configuration: a killed job is fetched again after <see cref="InvisibilityTimeout"/>, a failed one
    /// retried after 1, 2 and 4 seconds.
    /// </summary>
    public Task<AppProcess> StartAppAsync() =>
        AppProcess.StartAsync(AppProcess.NextToTheTests, new Dictionary<string, string>
        {
            ["ConnectionStrings:App"] = AppConnectionString,
            ["Jobs:InvisibilityTimeout"] = InvisibilityTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:SchedulePollingInterval"] = JobPolling.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:RetryDelaysSeconds:0"] = "1",
            ["Jobs:RetryDelaysSeconds:1"] = "2",
            ["Jobs:RetryDelaysSeconds:2"] = "4",
        });

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until <paramref name="sql"/> counts at least one row; the message names <paramref name="what"/> and the app's last output.</summary>
    public Task WaitUntilAsync(string what, string sql, AppProcess? app, params (string Name, object Value)[] parameters) =>
        WaitUntilAsync(what, sql, app, failedRun: null, parameters);

    /// <summary>
    /// Waits until <paramref name="sql"/> counts at least one row, and fails at once when <paramref name="failedRun"/>
    /// shows a job run failed (a wait for a state its failure makes unreachable ends then, not after <see cref="Patience"/>).
    /// </summary>
    public async Task WaitUntilAsync(string what, string sql, AppProcess? app, FailedRun? failedRun, params (string Name, object Value)[] parameters)
    {
        var waited = Stopwatch.StartNew();
        while (await CountAsync(sql, parameters) == 0)
        {
            if (failedRun is not null)
            {
                (await CountAsync(FailedRuns, failedRun.Parameters))
                    .ShouldBe(0, $"a run of {failedRun.JobClass} failed{(failedRun.Retried ? "" : " or was scheduled for a retry")} while waiting for {what}.\n{app?.LogTail()}");
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Not seen within {Patience.TotalMinutes} min: {what}.\n{app?.LogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>The highest Hangfire job id now: jobs created later have higher ones.</summary>
    public Task<long> LastJobIdAsync() => CountAsync("SELECT coalesce(max(id), 0) FROM hangfire.job");

    /// <summary>
    /// Waits until a run of <paramref name="jobClass"/> created after job <paramref name="after"/> has succeeded; fails
    /// as soon as one has failed, or, unless <paramref name="retried"/>, has been scheduled for a retry (it threw).
    /// </summary>
    public Task WaitForSucceededRunAsync(string jobClass, long after, AppProcess app, bool retried = false) =>
        WaitUntilAsync(
            $"a run of {jobClass} succeeded",
            "SELECT count(*) FROM hangfire.job WHERE id > @after AND statename = 'Succeeded' AND invocationdata::text LIKE @type",
            app,
            new FailedRun(jobClass, after, retried),
            ("after", after),
            ("type", $"%{jobClass}%"));

    /// <summary>Runs of a job class created after a job id that failed or, unless retries are expected, were scheduled for a retry.</summary>
    private const string FailedRuns = """
        SELECT count(*) FROM hangfire.job j
        WHERE j.id > @after AND j.invocationdata::text LIKE @type
          AND (j.statename = 'Failed' OR (NOT @retried AND EXISTS (
            SELECT 1 FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Scheduled' AND s.reason LIKE 'Retry attempt%')))
        """;

    /// <summary>The runs of <paramref name="JobClass"/> after job <paramref name="After"/> a wait fails on; <paramref name="Retried"/>: retries are expected.</summary>
    public sealed record FailedRun(string JobClass, long After, bool Retried = false)
    {
        public (string Name, object Value)[] Parameters => [("after", After), ("type", $"%{JobClass}%"), ("retried", Retried)];
    }

    /// <summary>The run of <paramref name="jobClass"/> created after job <paramref name="after"/> that is processing now.</summary>
    public Task<long> ProcessingRunAsync(string jobClass, long after) =>
        CountAsync(
            "SELECT id FROM hangfire.job WHERE id > @after AND statename = 'Processing' AND invocationdata::text LIKE @type",
            ("after", after),
            ("type", $"%{jobClass}%"));

    /// <summary>Waits until job <paramref name="id"/> has succeeded.</summary>
    public Task WaitForSucceededAsync(long id, AppProcess app) =>
        WaitUntilAsync($"job {id} succeeded", "SELECT count(*) FROM hangfire.job WHERE id = @id AND statename = 'Succeeded'", app, ("id", id));

    /// <summary>A client signed in through <c>/api/v1/auth/token</c> as a demo account.</summary>
    public static async Task<HttpClient> SignedInClientAsync(AppProcess app, string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = Patience };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override Task<string> AdminConnectionStringAsync() => Task.FromResult(cluster.AdminConnectionString);

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
