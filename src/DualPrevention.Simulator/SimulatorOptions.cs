using System.Globalization;

namespace DualPrevention.Simulator;

/// <summary>What the simulator is told on its command line (<c>--name value</c>); every option has a default that suits the demo of run.sh.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The platform's address.</summary>
    public Uri Url { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>An enterprise administrator of the enterprise to simulate (the registry and credentials are theirs to keep).</summary>
    public string User { get; init; } = "demo-qd1-admin";

    public string Password { get; init; } = Environment.GetEnvironmentVariable("DP_DEMO_PASSWORD") ?? "Hazard#Qd7x";

    public string MqttHost { get; init; } = "127.0.0.1";

    public int MqttPort { get; init; } = 1883;

    /// <summary>Tags walking the plan; the enterprise's registry is topped up with simulated persons and tags to this many.</summary>
    public int Tags { get; init; } = 300;

    /// <summary>Seconds between two fixes of a tag.</summary>
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>Fixes per MQTT message (1–1,000, docs/positioning-ingest.md#payload).</summary>
    public int Batch { get; init; } = 100;

    /// <summary>Seconds to run; 0 runs until stopped.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Seconds to keep retrying while the platform is not up or has no scaled plan yet (run.sh starts the simulator beside the app).</summary>
    public double WaitSeconds { get; init; }

    /// <summary>Seed of the walkers' random paths, so two runs walk alike.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Seconds after the start when the monitored tank's level begins its climb through its high-high limit.</summary>
    public double ExcursionAtSeconds { get; init; } = 120;

    public const string Usage = """
        Walks positioning tags over an enterprise's site plan and publishes their fixes over MQTT (docs/positioning-ingest.md),
        and reports four monitoring points of its first major hazard source, one tank level climbing through its
        high-high limit once (docs/monitoring-ingest.md).
        Options (defaults in brackets):
          --url URL            the platform [http://127.0.0.1:5080]
          --user NAME          an enterprise administrator [demo-qd1-admin]
          --password TEXT      their password [$DP_DEMO_PASSWORD or the demo's]
          --mqtt-host HOST     the broker [127.0.0.1]
          --mqtt-port PORT     [1883]
          --tags N             tags to walk, 1-5000 [300]
          --interval SECONDS   between two fixes of a tag, 0.1-60 [1]
          --batch N            fixes per message, 1-1000 [100]
          --duration SECONDS   0 = until Ctrl-C [0]
          --wait SECONDS       retry while the platform is not ready yet [0]
          --seed N             [7]
          --excursion-at SECONDS  when the tank level starts its climb past high-high [120]
        """;

    /// <exception cref="ArgumentException">An unknown option, a missing value or one out of its range; the message names it.</exception>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SimulatorOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--url" => options with { Url = Uri.TryCreate(value, UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--url: '{value}' is not an absolute URL.") },
                "--user" => options with { User = value },
                "--password" => options with { Password = value },
                "--mqtt-host" => options with { MqttHost = value },
                "--mqtt-port" => options with { MqttPort = (int)Number(name, value, 1, 65535) },
                "--tags" => options with { Tags = (int)Number(name, value, 1, 5000) },
                "--interval" => options with { IntervalSeconds = Number(name, value, 0.1, 60) },
                "--batch" => options with { Batch = (int)Number(name, value, 1, 1000) },
                "--duration" => options with { DurationSeconds = Number(name, value, 0, 7 * 24 * 3600) },
                "--wait" => options with { WaitSeconds = Number(name, value, 0, 3600) },
                "--seed" => options with { Seed = (int)Number(name, value, int.MinValue, int.MaxValue) },
                "--excursion-at" => options with { ExcursionAtSeconds = Number(name, value, 0, 7 * 24 * 3600) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        return options;
    }

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ArgumentException($"{name}: '{value}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
}
