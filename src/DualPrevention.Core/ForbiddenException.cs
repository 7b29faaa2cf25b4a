namespace DualPrevention.Core;

/// <summary>
/// The actor's role or function does not allow the action (an inspector confirming an alarm, an enterprise reading
/// the bureau's supervision list). A refused rule all the same, so pages that show a refusal show this one too; the API
/// answers it as 403 ProblemDetails rather than 400, since the request itself is well formed.
/// </summary>
public sealed class ForbiddenException : DomainRuleException
{
    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ForbiddenException()
    {
    }
}
