using System.Diagnostics;
using DualPrevention.Testing;

namespace DualPrevention.Benchmarks;

/// <summary>
/// The web app as it is deployed: <c>dotnet publish -c Release</c> of src/DualPrevention.Web (the only build whose
/// static assets carry Brotli copies), run as an <see cref="AppProcess"/> over a <see cref="BenchmarkDatabase"/> with
/// the demo seeded at start-up.
/// </summary>
internal static class PublishedApp
{
    /// <summary>Publishes and starts the app; <paramref name="settings"/> are configuration keys (e.g. <c>SignInThrottle:PerClientPermitLimit</c>) that override its defaults.</summary>
    public static async Task<AppProcess> StartAsync(BenchmarkDatabase database, string demoPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        var output = Path.Combine(Path.GetTempPath(), "dp-bench-web");
        await PublishAsync(output);
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:App"] = database.AppConnectionString,
            ["Demo:SeedOnStartup"] = "true",
            ["Demo:Password"] = demoPassword,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        return await AppProcess.StartAsync(Path.Combine(output, "DualPrevention.Web.dll"), all);
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
}
