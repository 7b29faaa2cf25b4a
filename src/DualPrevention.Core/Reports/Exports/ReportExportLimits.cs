namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// How many report exports one person may have waiting (configuration section <c>ReportExports</c>): a yearly PDF
/// takes the job server seconds to minutes, so an unbounded queue from one account delays everyone's (ADR 0021).
/// </summary>
public sealed class ReportExportLimits
{
    public const string Section = "ReportExports";

    /// <summary>Exports of one person queued or running at once; the next request waits until one finishes.</summary>
    public int MaxInProgressPerUser { get; set; } = 3;

    /// <summary>The Retry-After given when the limit is reached: about how long an export takes.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
