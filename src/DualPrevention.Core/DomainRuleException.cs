namespace DualPrevention.Core;

/// <summary>
/// A domain rule refused an action (an illegal state change, a scope crossed, a duplicate). The message is
/// written for the user, in the current UI culture; endpoints answer it as a 400/409 ProblemDetails.
/// </summary>
public class DomainRuleException : Exception
{
    public DomainRuleException(string message)
        : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DomainRuleException()
    {
    }
}
