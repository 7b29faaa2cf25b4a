using System.Diagnostics;
using DualPrevention.Core.Data;
using DualPrevention.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DualPrevention.Benchmarks;

/// <summary>
/// A fresh, migrated database on the server named by <c>DP_BENCH_PG_ADMIN</c> (a superuser connection string),
/// else on the private cluster deploy/local/benchmark-pg.sh starts; dropped on dispose — unless it was opened by
/// <see cref="OpenKeptAsync"/>, which keeps it for the next run.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private const string OwnerRole = "dp_owner";
    private const string AppRole = "dp_app";

    private readonly string _admin;
    private readonly bool _kept;

    private BenchmarkDatabase(string admin, string name, bool kept = false, bool existed = false)
    {
        _admin = admin;
        _kept = kept;
        Existed = existed;
        Name = name;
        OwnerConnectionString = With(admin, name, OwnerRole);
        AppConnectionString = With(admin, name, AppRole);
    }

    public string Name { get; }

    public string OwnerConnectionString { get; }

    public string AppConnectionString { get; }

    /// <summary>True when <see cref="OpenKeptAsync"/> found the database from an earlier run (its seed is there).</summary>
    public bool Existed { get; }

    public static Task<BenchmarkDatabase> CreateAsync() => OpenAsync(new BenchmarkDatabase(Admin(), $"dp_bench_{Guid.NewGuid():N}"));

    /// <summary>
    /// The database named by <c>DP_BENCH_KEEP_DB</c>, created and migrated if missing (pending migrations are applied
    /// if not) and never dropped, so a benchmark can skip seeding on the next run; without the variable a fresh one as
    /// <see cref="CreateAsync"/>. Drop it by hand when done (<c>DROP DATABASE name WITH (FORCE)</c>).
    /// </summary>
    public static async Task<BenchmarkDatabase> OpenKeptAsync()
    {
        if (Environment.GetEnvironmentVariable("DP_BENCH_KEEP_DB") is not { Length: > 0 } name)
        {
            return await CreateAsync();
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z_][a-z0-9_]*$"))
        {
            throw new InvalidOperationException("DP_BENCH_KEEP_DB must be a lower-case PostgreSQL identifier.");
        }

        var admin = Admin();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        var existed = (long)(await exists.ExecuteScalarAsync())! > 0;
        return await OpenAsync(new BenchmarkDatabase(admin, name, kept: true, existed));
    }

    private static string Admin() =>
        Environment.GetEnvironmentVariable("DP_BENCH_PG_ADMIN") is { Length: > 0 } given ? given : StartPrivateCluster();

    private static async Task<BenchmarkDatabase> OpenAsync(BenchmarkDatabase database)
    {
        var admin = database._admin;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            foreach (var (role, attributes) in new[] { (OwnerRole, "LOGIN"), (AppRole, "LOGIN NOSUPERUSER NOBYPASSRLS") })
            {
                await using var ensure = new NpgsqlCommand(
                    $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} {attributes} PASSWORD '{role}'; END IF; END $$", connection);
                await ensure.ExecuteNonQueryAsync();
            }

            if (!database.Existed)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database.Name} OWNER {OwnerRole}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await TestDatabase.CreateExtensionsAsync(new NpgsqlConnectionStringBuilder(admin) { Database = database.Name }.ConnectionString);

        await new DatabaseMigrator(TimeProvider.System, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(database.OwnerConnectionString, AppRole, CancellationToken.None);
        // As the web host's HangfireSchema does after migrating (the benchmarks do not reference the host): the published
        // app's job server finds Hangfire's tables made by the owner (ADR 0022).
        await using (var owner = new NpgsqlConnection(database.OwnerConnectionString))
        {
            await owner.OpenAsync();
            Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(owner, "hangfire");
        }

        return database;
    }

    /// <summary>
    /// Writes every dirty buffer out (as the superuser: CHECKPOINT needs it), so a timed statement does not pay for
    /// writing back pages an earlier step left dirty.
    /// </summary>
    public async Task CheckpointAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", connection) { CommandTimeout = 0 };
        await checkpoint.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_kept)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The cluster's data directory (the admin is a superuser), for <see cref="ProcessCpu.Postgres"/>.</summary>
    public async Task<string> DataDirectoryAsync()
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW data_directory", connection);
        return (string)(await show.ExecuteScalarAsync())!;
    }

    private static string With(string admin, string database, string role) =>
        new NpgsqlConnectionStringBuilder(admin) { Database = database, Username = role, Password = role }.ConnectionString;

    /// <summary>Runs deploy/local/benchmark-pg.sh from the repository and returns the connection string it prints.</summary>
    private static string StartPrivateCluster()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DualPrevention.sln")))
        {
            root = root.Parent;
        }

        var script = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Repository root not found; set DP_BENCH_PG_ADMIN."), "deploy", "local", "benchmark-pg.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}); set DP_BENCH_PG_ADMIN to use another server.");
        }

        return output.Trim().Split('\n')[^1];
    }
}
