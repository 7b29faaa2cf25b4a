using System.Diagnostics;
using Npgsql;
using Xunit;

namespace DualPrevention.Testing;

/// <summary>
/// A PostgreSQL cluster of one test class's own (use as <c>IClassFixture</c>), for tests that stop, restart or break
/// the server: created with initdb in a temporary directory and run with pg_ctl on a free loopback port, as
/// deploy/local/lib.sh's <c>dp_pg_start</c> does (trust authentication, socket in the data directory; run as the
/// <c>postgres</c> user when the tests run as root, which PostgreSQL refuses to be). Stopped and removed afterwards.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
        .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => int.Parse(Path.GetFileName(Path.GetDirectoryName(b))!, System.Globalization.CultureInfo.InvariantCulture))
        .LastOrDefault() ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql).");

    /// <summary>Under /var/tmp, which the postgres user can enter whatever the checkout's permissions.</summary>
    private readonly string _dataDirectory = Path.Combine("/var/tmp/dualprevention", $"pg-fault-{Guid.NewGuid():N}");

    public int Port { get; } = LoopbackPort.Free();

    /// <summary>Superuser connection string (database postgres).</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        Pooling = false,
    }.ConnectionString;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", _dataDirectory);
        }

        await RunPostgresAsync("initdb", "-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await StartAsync();
    }

    /// <summary>
    /// Starts the server and waits until it accepts connections. <c>pg_stat_activity</c> shows statements whole (the
    /// default cuts them at 1 kB), so a test can tell which one a session runs.
    /// </summary>
    public Task StartAsync() => PgCtlAsync("start", "-o", $"-p {Port} -k '{_dataDirectory}' -c listen_addresses=127.0.0.1 -c fsync=off -c track_activity_query_size=16384", "-l", Path.Combine(_dataDirectory, "server.log"));

    /// <summary>Stops the server as an administrator's fast shutdown does: every session is ended, open transactions roll back.</summary>
    public Task StopAsync() => PgCtlAsync("stop", "-m", "fast");

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            await PgCtlAsync("stop", "-m", "immediate");
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task PgCtlAsync(string action, params string[] arguments) =>
        RunPostgresAsync("pg_ctl", ["-D", _dataDirectory, "-w", "-t", "60", .. arguments, action]);

    private Task RunPostgresAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        // The working directory must be one the postgres user may enter; its tools complain otherwise.
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
