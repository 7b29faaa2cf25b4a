using FluentValidation;

namespace DualPrevention.Web.Positioning;

/// <summary>What the registry's forms show under each field: the validator's messages by property name, each naming its field.</summary>
internal static class RegistryForms
{
    /// <summary>The first message per field; a nested field (<c>Certificates[0].Number</c>) by its last name.</summary>
    public static Dictionary<string, string> ErrorsByField(ValidationException invalid) =>
        invalid.Errors
            .GroupBy(e => e.PropertyName.Split('.')[^1])
            .ToDictionary(g => g.Key, g => g.First().ErrorMessage);
}
