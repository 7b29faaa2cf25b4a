using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Testing;

/// <summary>
/// The real web host on a <see cref="DemoDatabase"/>: same pipeline, app-role connection, demo data seeded by
/// the fixture. Call <c>UseKestrel(0)</c> and <c>StartServer()</c> for browser tests. <paramref name="settings"/> are
/// configured last, over the defaults here (e.g. the group robots' addresses, ADR 0019).
/// </summary>
public sealed class DualPreventionAppFactory(DemoDatabase database, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>Base64 of 48 fixed bytes: a test-only signing key.</summary>
    public static readonly string JwtKey = Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray());

    /// <summary>The configured public address: never the test server's own, so a link built from the request shows.</summary>
    public const string PublicBaseUrl = "https://aqsc.example.gov.cn/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:App", database.AppConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:SeedOnStartup", "false");
        builder.UseSetting("Node:Jobs", "false");
        builder.UseSetting("Auth:JwtSigningKey", JwtKey);
        builder.UseSetting("Logging:FilePath", Path.Combine(Path.GetTempPath(), $"dp-tests-{database.Name}", "log-.json"));
        builder.UseSetting("Storage:PhotoDirectory", database.PhotoDirectory);
        builder.UseSetting("Storage:ReportDirectory", database.ReportDirectory);
        builder.UseSetting("PublicBaseUrl", PublicBaseUrl);
        // Static assets as a published app serves them (ADR 0013): the build manifest's runtime patching for edited
        // wwwroot files would mark every asset no-cache and re-send MudBlazor's files stored, not compressed.
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        // Every test client comes from the same (absent) address and signs the same demo names in many times.
        builder.UseSetting("SignInThrottle:PerClientPermitLimit", "1000000");
        builder.UseSetting("SignInThrottle:PerUserNamePermitLimit", "1000000");
        // The test broker when test.sh started one: issuing a device credential writes it into the broker (ADR 0036).
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DP_TEST_MQTT_HOST")))
        {
            var mqtt = MqttBroker.Options();
            builder.UseSetting("Mqtt:Host", mqtt.Host);
            builder.UseSetting("Mqtt:Port", mqtt.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Mqtt:Username", mqtt.Username);
            builder.UseSetting("Mqtt:Password", mqtt.Password);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(TimeProvider.System));
    }
}
