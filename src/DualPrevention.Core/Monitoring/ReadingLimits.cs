namespace DualPrevention.Core.Monitoring;

/// <summary>Bounds of one reading message (docs/monitoring-ingest.md#payload).</summary>
public static class ReadingLimits
{
    /// <summary>Most readings per message or HTTP batch.</summary>
    public const int MaxReadingsPerMessage = 5000;

    /// <summary>Largest message or request body in bytes.</summary>
    public const int MaxMessageBytes = 512 * 1024;

    /// <summary>Longest point code (GB 17681 style codes are 20–30 characters).</summary>
    public const int CodeLength = 40;

    /// <summary>How far ahead of the server's clock a reading may lie (clock skew of a gateway).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(5);

    /// <summary>How far behind: a gateway's buffer of one day.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);
}
