namespace DualPrevention.Core;

/// <summary>
/// The row does not exist or lies outside the caller's tenant scope; the two are indistinguishable on purpose
/// so that a foreign id leaks nothing. Endpoints answer 404.
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotFoundException()
    {
    }
}
