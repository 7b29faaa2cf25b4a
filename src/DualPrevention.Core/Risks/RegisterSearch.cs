namespace DualPrevention.Core.Risks;

/// <summary>Free-text search over register text columns (PostgreSQL ILIKE with '\' as escape).</summary>
internal static class RegisterSearch
{
    /// <summary>A case-insensitive substring pattern for <paramref name="text"/>, or null when there is nothing to search for.</summary>
    public static string? Pattern(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : $"%{text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
}
