using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using DualPrevention.Testing;
using DualPrevention.Web.Jobs;

namespace DualPrevention.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL stopped and started again under a running app: while it is away requests answer 503 with Retry-After
/// (never 500), afterwards they succeed without restarting the app, and a job it broke off retries and completes once
/// (docs/operations.md, fault tests).
/// </summary>
public class DatabaseRestartTests(PrivatePostgresCluster cluster) : IClassFixture<PrivatePostgresCluster>
{
    [Fact]
    public async Task While_the_database_restarts_requests_answer_503_with_retry_after_and_then_succeed_without_restarting_the_app()
    {
        await using var database = await FaultDatabase.CreateAsync(cluster);
        await using var app = await database.StartAppAsync();
        using var client = await FaultDatabase.SignedInClientAsync(app, "demo-qd1-inspector");
        var answers = new ConcurrentQueue<(string Phase, HttpStatusCode Status, TimeSpan? RetryAfter)>();
        var phase = "up";
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var current = phase;
                using var answer = await client.GetAsync("/api/v1/inspections/my-tasks");
                answers.Enqueue((current, answer.StatusCode, answer.Headers.RetryAfter?.Delta));
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        });

        await WaitForAsync(() => answers.Count(a => a.Phase == "up") >= 2, "answers before the restart", app);
        await cluster.StopAsync();
        phase = "down";
        await WaitForAsync(() => answers.Count(a => a.Phase == "down") >= 4, "answers while the database is down", app);
        using (var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd1-inspector", password = DemoDatabase.Password }))
        {
            answers.Enqueue(("down", signIn.StatusCode, signIn.Headers.RetryAfter?.Delta));
        }

        await cluster.StartAsync();
        phase = "back";
        await WaitForAsync(() => answers.Count(a => a.Phase == "back" && a.Status == HttpStatusCode.OK) >= 6, "six successful answers after the restart", app);
        await stop.CancelAsync();
        await traffic;
        using (var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd1-inspector", password = DemoDatabase.Password }))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "signing in works again");
        }

        answers.Where(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter > TimeSpan.Zero);
        answers.Count(a => a.Phase == "down" && a.Status == HttpStatusCode.ServiceUnavailable).ShouldBeGreaterThanOrEqualTo(5, "the outage was seen, by the sign-in too");
        answers.Where(a => a.Phase == "back").SkipWhile(a => a.Status != HttpStatusCode.OK).ShouldAllBe(a => a.Status == HttpStatusCode.OK, "once back, it stays back");
    }

    [Fact]
    public async Task A_generation_run_broken_off_by_a_database_restart_is_retried_and_completes_once()
    {
        await using var database = await FaultDatabase.CreateAsync(cluster);
        var jobs = await database.LastJobIdAsync();
        var hold = await HeldLock.TakeAsync(
            database,
            "INSERT INTO inspection_generation_mark (enterprise_id, region_code, ran_at, generated_until) SELECT id, region_code, now(), now() FROM enterprise WHERE id = @id",
            ("id", database.Qd1));
        await using var app = await database.StartAppAsync();
        await using (hold)
        {
            await hold.WaitUntilBlockingAsync("inspection_generation_mark", afterWriting: true, app);
            await cluster.StopAsync();
            await cluster.StartAsync();
        }

        await database.WaitForSucceededRunAsync(nameof(GenerateInspectionTasksJob), jobs, app, retried: true);

        (await database.CountAsync(
                "SELECT count(*) FROM hangfire.job j WHERE j.id > @after AND j.invocationdata::text LIKE @type AND (SELECT count(*) FROM hangfire.state s WHERE s.jobid = j.id AND s.name = 'Processing') >= 2",
                ("after", jobs),
                ("type", $"%{nameof(GenerateInspectionTasksJob)}%")))
            .ShouldBe(1, "the broken-off run was retried");
        (await database.CountAsync(
                "SELECT count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE j.id > @after AND j.invocationdata::text LIKE @type AND s.name = 'Succeeded'",
                ("after", jobs),
                ("type", $"%{nameof(GenerateInspectionTasksJob)}%")))
            .ShouldBe(1, "it completed once");
        await AppKilledMidWorkTests.ShouldHaveEveryWindowOnceAsync(database);
    }

    private static async Task WaitForAsync(Func<bool> seen, string what, AppProcess app)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!seen())
        {
            if (waited.Elapsed > FaultDatabase.Patience)
            {
                throw new TimeoutException($"Not seen within {FaultDatabase.Patience.TotalMinutes} min: {what}.\n{app.LogTail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
