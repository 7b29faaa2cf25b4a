using FluentValidation.Results;

namespace DualPrevention.Web.Shell;

/// <summary>Validation messages of a submitted form by property name, for MudBlazor fields' Error/ErrorText.</summary>
public sealed class FormErrors
{
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing failed.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Replaces the messages with those of <paramref name="result"/>; property paths are matched by their last segment.</summary>
    public void Set(ValidationResult result) =>
        _errors = result.Errors
            .GroupBy(e => e.PropertyName[(e.PropertyName.LastIndexOf('.') + 1)..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.ErrorMessage).Distinct()), StringComparer.Ordinal);

    public void Clear() => _errors.Clear();

    public bool Has(string property) => _errors.ContainsKey(property);

    public string? For(string property) => _errors.GetValueOrDefault(property);
}
