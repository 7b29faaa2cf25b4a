namespace DualPrevention.Core.Risks;

/// <summary>Normalisation of free text typed by people or read from workbooks.</summary>
internal static class Text
{
    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? OrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
