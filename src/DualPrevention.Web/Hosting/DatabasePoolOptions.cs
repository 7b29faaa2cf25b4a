namespace DualPrevention.Web.Hosting;

/// <summary>
/// How many PostgreSQL connections one node may hold and how long work waits for one (configuration section
/// <c>Database</c>). Every node's pools together must stay below the server's <c>max_connections</c>, less its reserved
/// slots (docs/operations.md#connection-pools): a burst then queues for a pooled connection instead of meeting the
/// server's refusal, and work that waits longer than <see cref="ConnectionTimeoutSeconds"/> answers 503.
/// </summary>
public sealed class DatabasePoolOptions
{
    public const string Section = "Database";

    /// <summary>Connections of the DbContext pool: pages, API and the handlers the jobs run.</summary>
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>Connections of Hangfire's own storage: the queue, schedules, heartbeats and the dashboard.</summary>
    public int HangfireMaxPoolSize { get; set; } = 20;

    /// <summary>Connections of the readiness check.</summary>
    public int HealthMaxPoolSize { get; set; } = 2;

    /// <summary>Seconds to wait for a pooled connection (or to open one) before the work is refused.</summary>
    public int ConnectionTimeoutSeconds { get; set; } = 5;
}
