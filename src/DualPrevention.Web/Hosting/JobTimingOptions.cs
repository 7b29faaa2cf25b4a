namespace DualPrevention.Web.Hosting;

/// <summary>
/// How fast Hangfire notices a job to run again (configuration section <c>Jobs</c>, docs/operations.md#faults-the-test-command-proves).
/// A fetched job stays invisible to other fetches for <see cref="InvisibilityTimeout"/> after its server's last
/// keep-alive; the keep-alive slides (every fifth of the timeout) while the job runs, so a long job is never fetched
/// twice, and a job whose app was killed is fetched again once the timeout has passed since its last keep-alive.
/// </summary>
public sealed class JobTimingOptions
{
    public const string Section = "Jobs";

    /// <summary>How long a fetched job whose server stopped sending keep-alives stays invisible (Hangfire.PostgreSql's default: 30 minutes, not sliding).</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the server moves due scheduled jobs (a failed job's retry among them) to the queue.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delays before a failed job's retries; empty keeps Hangfire's own (15 s and more, growing with each attempt).</summary>
    public IReadOnlyList<int> RetryDelaysSeconds { get; set; } = [];
}
