using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace DualPrevention.Testing;

/// <summary>
/// The web app as a child process — <c>dotnet DualPrevention.Web.dll</c> in the Production environment on a free
/// loopback port, web and job node at once — that a test can kill as an operator's <c>kill -9</c> would. Its console
/// output goes to a log file in a temporary directory with its photos and reports; disposing kills it and removes the
/// directory. The benchmarks run the published build through it; fault tests the build next to the test assembly
/// (<see cref="NextToTheTests"/>).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly TextWriter _log;
    private readonly string _files;

    private AppProcess(Process process, TextWriter log, string files, string baseUrl)
    {
        _process = process;
        _log = log;
        _files = files;
        BaseUrl = baseUrl;
    }

    /// <summary>The app's build copied next to the test assembly by the test project's reference to the web project.</summary>
    public static string NextToTheTests => Path.Combine(AppContext.BaseDirectory, "DualPrevention.Web.dll");

    public string BaseUrl { get; }

    /// <summary>The app's process id, to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The app's console output so far.</summary>
    public string LogPath => Path.Combine(_files, "console.log");

    /// <summary>
    /// Starts <paramref name="webDll"/> and waits until <c>/health/ready</c> answers 200. <paramref name="settings"/> are
    /// configuration keys (e.g. <c>ConnectionStrings:App</c>, <c>Demo:SeedOnStartup</c>); a fresh JWT signing key and
    /// temporary log, photo and report directories are given unless they name their own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The app exited or was not ready within 5 minutes; the message names its log.</exception>
    public static async Task<AppProcess> StartAsync(string webDll, IReadOnlyDictionary<string, string> settings)
    {
        var baseUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var files = Directory.CreateTempSubdirectory("dp-app-").FullName;
        var start = new ProcessStartInfo("dotnet", [webDll])
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = baseUrl,
                ["Auth__JwtSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
                ["Logging__FilePath"] = Path.Combine(files, "logs", "dualprevention-.json"),
                ["Storage__PhotoDirectory"] = Path.Combine(files, "photos"),
                ["Storage__ReportDirectory"] = Path.Combine(files, "reports"),
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var writer = TextWriter.Synchronized(new StreamWriter(Path.Combine(files, "console.log")) { AutoFlush = true });
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => writer.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => writer.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, writer, files, baseUrl);
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
        {
            var log = app.LogTail();
            await app.DisposeAsync();
            throw new InvalidOperationException($"The app did not become ready; the end of its console output:\n{log}", ex);
        }

        return app;
    }

    /// <summary>Ends the process at once with SIGKILL, as <c>kill -9</c> does: no shutdown, no rollback it could run itself.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>The last <paramref name="lines"/> lines of the console output, for a failure message.</summary>
    public string LogTail(int lines = 40)
    {
        _log.Flush();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        await _log.DisposeAsync();
        Directory.Delete(_files, recursive: true);
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
                // Not listening yet (start-up work runs before the server starts), or too busy to answer in time.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException(_process.HasExited ? $"The app exited ({_process.ExitCode})." : $"Not ready within {StartTimeout.TotalMinutes} min.");
    }
}
