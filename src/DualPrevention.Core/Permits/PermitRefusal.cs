using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Permits;

/// <summary>
/// One reason a rule refuses a permit's action: a key of this area's Messages.resx with its arguments, so tests check
/// which rule spoke and users read it in their language (<see cref="Text"/>).
/// </summary>
public sealed record PermitRefusal(string Key, params object?[] Args)
{
    /// <summary>The message in the current UI culture; an argument that is itself a key (an enum's name) is shown as its text.</summary>
    public string Text => CoreText.Get(Key, [.. Args.Select(a => a is string s && CoreText.Find(s) is { } text ? text : a)]);

    public override string ToString() => Key;
}

/// <summary>A permit's action refused by one or more rules; the message lists every reason, one per line.</summary>
public sealed class PermitRefusedException : DomainRuleException
{
    public PermitRefusedException(IReadOnlyList<PermitRefusal> refusals)
        : base(string.Join(Environment.NewLine, refusals.Select(r => r.Text)))
    {
        Refusals = refusals;
    }

    public PermitRefusedException(PermitRefusal refusal)
        : this([refusal])
    {
    }

    public PermitRefusedException()
        : this([])
    {
    }

    public PermitRefusedException(string message)
        : base(message)
    {
        Refusals = [];
    }

    public PermitRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Refusals = [];
    }

    public IReadOnlyList<PermitRefusal> Refusals { get; }

    /// <summary>Throws when <paramref name="refusals"/> holds any.</summary>
    public static void ThrowIfAny(IReadOnlyList<PermitRefusal> refusals)
    {
        if (refusals.Count > 0)
        {
            throw new PermitRefusedException(refusals);
        }
    }
}
