using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DualPrevention.Benchmarks;

/// <summary>
/// The web app as it is deployed: <c>dotnet publish -c Release</c> of src/DualPrevention.Web (the only build whose
/// static assets carry Brotli copies), run with <c>dotnet DualPrevention.Web.dll</c> in the Production environment on a
/// free loopback port, over a <see cref="BenchmarkDatabase"/> with the demo seeded at start-up. Its console output goes
/// to a log file, named when start-up fails. Disposing kills it.
/// </summary>
internal sealed class PublishedApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly TextWriter _log;

    private PublishedApp(Process process, TextWriter log, string baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The app's process id, to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Publishes and starts the app; <paramref name="settings"/> are configuration keys (e.g. <c>SignInThrottle:PerClientPermitLimit</c>) that override its defaults.</summary>
    public static async Task<PublishedApp> StartAsync(BenchmarkDatabase database, string demoPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        var output = Path.Combine(Path.GetTempPath(), "dp-bench-web");
        await PublishAsync(output);
        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        var files = Directory.CreateTempSubdirectory("dp-bench-web-data-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, "DualPrevention.Web.dll")])
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = baseUrl,
                ["ConnectionStrings__App"] = database.AppConnectionString,
                ["Demo__SeedOnStartup"] = "true",
                ["Demo__Password"] = demoPassword,
                ["Auth__JwtSigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Logging__FilePath"] = Path.Combine(files, "logs", "dualprevention-.json"),
                ["Storage__PhotoDirectory"] = Path.Combine(files, "photos"),
                ["Storage__ReportDirectory"] = Path.Combine(files, "reports"),
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = Path.Combine(files, "console.log");
        var writer = TextWriter.Synchronized(new StreamWriter(log) { AutoFlush = true });
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => writer.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => writer.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new PublishedApp(process, writer, baseUrl);
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException($"The published app did not become ready; its console output: {log}", ex);
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static async Task PublishAsync(string output)
    {
        var project = new DirectoryInfo(AppContext.BaseDirectory);
        while (project is not null && !File.Exists(Path.Combine(project.FullName, "src", "DualPrevention.Web", "DualPrevention.Web.csproj")))
        {
            project = project.Parent;
        }

        var path = Path.Combine(project?.FullName ?? throw new InvalidOperationException("src/DualPrevention.Web not found above the benchmark's directory."), "src", "DualPrevention.Web");
        using var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", path, "-c", "Release", "-o", output, "--disable-build-servers", "-v", "quiet", "-nologo"]))!;
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {path} failed ({publish.ExitCode}).");
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout && !_process.HasExited)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet (the demo is seeded before the server starts), or too busy to answer in time.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException(_process.HasExited ? $"The app exited ({_process.ExitCode})." : $"Not ready within {StartTimeout.TotalMinutes} min.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
