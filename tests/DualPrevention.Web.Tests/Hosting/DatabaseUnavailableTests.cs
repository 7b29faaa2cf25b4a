using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DualPrevention.Core.Data;
using DualPrevention.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// A shift change's burst waits for a pooled connection instead of meeting PostgreSQL's connection limit, and what
/// cannot be served for want of the database answers 503 with Retry-After, never 500; readiness names what failed.
/// </summary>
public class DatabaseUnavailableTests(WebFixture web) : IClassFixture<WebFixture>
{
    private WebApplicationFactory<Program> WithPool(int maxPoolSize, int timeoutSeconds) =>
        web.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Database:MaxPoolSize", maxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Database:ConnectionTimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

    /// <summary>The platform pointed at a port where no PostgreSQL listens: the database is down.</summary>
    private WebApplicationFactory<Program> WithDatabaseDown() =>
        web.Factory.WithWebHostBuilder(builder => builder.UseSetting(
            "ConnectionStrings:App",
            new NpgsqlConnectionStringBuilder(web.AppConnectionString) { Port = UnusedPort(), Timeout = 2 }.ConnectionString));

    [Fact]
    public async Task Sixty_inspectors_at_once_wait_for_the_pool_instead_of_meeting_the_databases_connection_limit()
    {
        var app = WithPool(maxPoolSize: 4, timeoutSeconds: 30);
        var client = await TokenClientAsync(app, "demo-qd1-inspector");
        await LimitConnectionsAsync(headroom: 6);
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.GetAsync("/api/v1/inspections/my-tasks")));

            answers.Select(a => (int)a.StatusCode).ShouldAllBe(status => status == 200);
        }
        finally
        {
            await LimitConnectionsAsync(headroom: null);
        }
    }

    [Fact]
    public async Task A_request_that_cannot_get_a_connection_in_time_answers_503_with_retry_after()
    {
        var app = WithPool(maxPoolSize: 1, timeoutSeconds: 1);
        var client = await TokenClientAsync(app, "demo-qd1-inspector");
        await using var scope = app.Services.CreateAsyncScope();
        await using var holder = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync();
        await holder.Database.OpenConnectionAsync();

        var answer = await client.GetAsync("/api/v1/inspections/my-tasks");

        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        answer.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await answer.Content.ReadAsStringAsync()).ShouldContain("数据库");
    }

    [Fact]
    public async Task The_token_endpoint_answers_503_with_retry_after_while_the_database_is_down()
    {
        var client = WithDatabaseDown().CreateClient();

        var answer = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "demo-qd1-inspector", password = DemoDatabase.Password });

        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        answer.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Readiness_names_the_dependency_that_failed_and_not_where_it_runs()
    {
        var answer = await WithDatabaseDown().CreateClient().GetAsync("/health/ready");

        answer.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("status").GetString().ShouldBe("Unhealthy");
        report.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("Unhealthy");
        report.GetProperty("checks").GetProperty("hangfire-storage").GetProperty("status").GetString().ShouldNotBeNullOrWhiteSpace();
        report.GetProperty("checks").GetProperty("postgresql").TryGetProperty("description", out _).ShouldBeFalse("the failure's text names the database's host and port, and the endpoint is anonymous");
    }

    private static async Task<HttpClient> TokenClientAsync(WebApplicationFactory<Program> app, string userName)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = DemoDatabase.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// PostgreSQL's per-database connection limit, <paramref name="headroom"/> above the connections open now (null:
    /// no limit): past it PostgreSQL refuses with the same 53300 as a full server.
    /// </summary>
    private async Task LimitConnectionsAsync(int? headroom)
    {
        await using var admin = new NpgsqlConnection(await PostgresServer.AdminConnectionStringAsync());
        await admin.OpenAsync();
        var limit = -1L;
        if (headroom is { } more)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{web.Name}'", admin);
            limit = (long)(await count.ExecuteScalarAsync())! + more;
        }

        await using var command = new NpgsqlCommand($"ALTER DATABASE {web.Name} CONNECTION LIMIT {limit}", admin);
        await command.ExecuteNonQueryAsync();
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
