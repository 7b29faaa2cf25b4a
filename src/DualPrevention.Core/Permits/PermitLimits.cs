namespace DualPrevention.Core.Permits;

/// <summary>Column lengths, shared by the mapping and the validators.</summary>
public static class PermitLimits
{
    public const int NumberLength = 20;
    public const int NameLength = 100;
    public const int PersonNameLength = 50;
    public const int TextLength = 1000;
}
