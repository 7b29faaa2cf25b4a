namespace DualPrevention.Core;

/// <summary>
/// A refusal because another request won a race for the same unique key (two extension requests at once, one window
/// completed twice): nothing the user typed is wrong, so endpoints answer 409 with this readable message, and pages that
/// show a <see cref="DomainRuleException"/> show it too.
/// </summary>
public sealed class ConflictException : DomainRuleException
{
    public ConflictException(string message)
        : base(message)
    {
    }

    public ConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConflictException()
    {
    }
}
