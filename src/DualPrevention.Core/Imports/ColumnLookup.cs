using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Which field a normalised header names: the user's correction for this run first, then the enterprise's saved
/// <see cref="ImportMappingProfile"/>, then <see cref="RiskRegisterSynonyms"/>. A correction or profile entry
/// with an empty field name ignores the column.
/// </summary>
public sealed class ColumnLookup
{
    private readonly Dictionary<string, RegisterColumn?> _overrides = new(StringComparer.Ordinal);

    /// <param name="profile">Saved mapping (normalised header → field name), may be empty.</param>
    /// <param name="corrections">This run's corrections, same shape; they win over the profile.</param>
    /// <exception cref="DomainRuleException">A field name is not a <see cref="RegisterColumn"/>.</exception>
    public ColumnLookup(IReadOnlyDictionary<string, string> profile, IReadOnlyDictionary<string, string> corrections)
    {
        foreach (var source in new[] { profile, corrections })
        {
            foreach (var (header, field) in source)
            {
                _overrides[HeaderText.Normalize(header)] = ParseField(field);
            }
        }
    }

    /// <summary>The field of <paramref name="key"/> (already normalised), or null when unknown or ignored.</summary>
    public RegisterColumn? Find(string key) =>
        _overrides.TryGetValue(key, out var field) ? field : RiskRegisterSynonyms.ByHeader.TryGetValue(key, out var synonym) ? synonym : null;

    /// <exception cref="DomainRuleException">Not a field name.</exception>
    public static RegisterColumn? ParseField(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        return Enum.TryParse<RegisterColumn>(field, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new DomainRuleException(CoreText.Get("Import.Mapping.UnknownField", field));
    }
}
