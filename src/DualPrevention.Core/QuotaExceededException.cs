namespace DualPrevention.Core;

/// <summary>
/// A refusal because the user holds as much of something as one person may (unattached photos, queued exports):
/// nothing is wrong with the request itself, so endpoints answer 429 with <see cref="RetryAfter"/> as Retry-After,
/// and pages that show a <see cref="DomainRuleException"/> show this readable message too.
/// </summary>
public sealed class QuotaExceededException : DomainRuleException
{
    public QuotaExceededException(string message, TimeSpan retryAfter)
        : base(message)
    {
        RetryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter;
    }

    public QuotaExceededException()
    {
    }

    public QuotaExceededException(string message)
        : base(message)
    {
    }

    public QuotaExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>When the request may succeed again, at least one second.</summary>
    public TimeSpan RetryAfter { get; } = TimeSpan.FromMinutes(1);
}
