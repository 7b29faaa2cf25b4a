using DualPrevention.Core.Localization;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Which field a normalised header names: the user's correction for this run first, then the enterprise's saved
/// <see cref="ImportMappingProfile"/>, then the importer's synonyms. A correction or profile entry with an empty
/// field name ignores the column.
/// </summary>
public class ColumnLookup<TField>
    where TField : struct, Enum
{
    private readonly IReadOnlyDictionary<string, TField> _synonyms;
    private readonly Dictionary<string, TField?> _overrides = new(StringComparer.Ordinal);

    /// <param name="synonyms">Normalised header → field, the importer's own table.</param>
    /// <param name="profile">Saved mapping (normalised header → field name), may be empty.</param>
    /// <param name="corrections">This run's corrections, same shape; they win over the profile.</param>
    /// <exception cref="DomainRuleException">A field name is not a <typeparamref name="TField"/>.</exception>
    protected ColumnLookup(IReadOnlyDictionary<string, TField> synonyms, IReadOnlyDictionary<string, string> profile, IReadOnlyDictionary<string, string> corrections)
    {
        _synonyms = synonyms;
        foreach (var source in new[] { profile, corrections })
        {
            foreach (var (header, field) in source)
            {
                _overrides[HeaderText.Normalize(header)] = MappedField.Parse<TField>(field);
            }
        }
    }

    /// <summary>The field of <paramref name="key"/> (already normalised), or null when unknown or ignored.</summary>
    public TField? Find(string key) =>
        _overrides.TryGetValue(key, out var field) ? field : _synonyms.TryGetValue(key, out var synonym) ? synonym : null;

}

/// <summary>A field name of a mapping correction or profile, read into the importer's field enum.</summary>
public static class MappedField
{
    /// <summary>Null for an empty name (the column is ignored).</summary>
    /// <exception cref="DomainRuleException">Not a field name.</exception>
    public static TField? Parse<TField>(string? field)
        where TField : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        return Enum.TryParse<TField>(field, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new DomainRuleException(CoreText.Get("Import.Mapping.UnknownField", field));
    }
}

/// <summary>The risk-control list's lookup over <see cref="RiskRegisterSynonyms"/>.</summary>
public sealed class ColumnLookup(IReadOnlyDictionary<string, string> profile, IReadOnlyDictionary<string, string> corrections)
    : ColumnLookup<RegisterColumn>(RiskRegisterSynonyms.ByHeader, profile, corrections);

/// <summary>The hidden-danger ledger's lookup over <see cref="LedgerSynonyms"/>.</summary>
public sealed class LedgerColumnLookup(IReadOnlyDictionary<string, string> profile, IReadOnlyDictionary<string, string> corrections)
    : ColumnLookup<LedgerColumn>(LedgerSynonyms.ByHeader, profile, corrections);
