using Npgsql;
using Testcontainers.PostgreSql;

namespace DualPrevention.Testing;

/// <summary>
/// The PostgreSQL server tests run against, started once per test process: a Testcontainers container where a
/// Docker engine answers, otherwise the private server that deploy/local/test.sh starts and names in
/// <c>DP_TEST_PG_ADMIN</c> (a superuser connection string). Never an in-memory substitute.
/// </summary>
public static class PostgresServer
{
    /// <summary>Environment variable with the superuser connection string of the local test server.</summary>
    public const string AdminVariable = "DP_TEST_PG_ADMIN";

    private static readonly Lazy<Task<string>> Admin = new(StartAsync);

    /// <summary>Superuser connection string to the server, starting it on first use.</summary>
    /// <exception cref="InvalidOperationException">Neither Docker nor <c>DP_TEST_PG_ADMIN</c> is available.</exception>
    public static Task<string> AdminConnectionStringAsync() => Admin.Value;

    private static async Task<string> StartAsync()
    {
        if (DockerMayAnswer())
        {
            try
            {
                var container = new PostgreSqlBuilder("postgres:15").Build();
                await container.StartAsync();
                return container.GetConnectionString();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                Console.Error.WriteLine($"Testcontainers could not start PostgreSQL ({ex.GetType().Name}); falling back to {AdminVariable}.");
            }
        }

        var local = Environment.GetEnvironmentVariable(AdminVariable);
        if (string.IsNullOrWhiteSpace(local))
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for tests: no Docker engine answered and {AdminVariable} is not set. Run the tests with ./deploy/local/test.sh.");
        }

        await using var connection = new NpgsqlConnection(local);
        await connection.OpenAsync();
        return local;
    }

    private static bool DockerMayAnswer() =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");
}
