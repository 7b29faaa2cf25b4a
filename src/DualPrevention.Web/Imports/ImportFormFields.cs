using System.Text.Json;
using DualPrevention.Core.Imports;
using FluentValidation;
using FluentValidation.Results;

namespace DualPrevention.Web.Imports;

/// <summary>The JSON form fields the import endpoints take beside the file.</summary>
internal static class ImportFormFields
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A JSON object, normalised header → field name ("" ignores the column); null when absent.</summary>
    /// <exception cref="ValidationException">Not such an object.</exception>
    public static Dictionary<string, string>? Mapping(string? mapping) => Parse<Dictionary<string, string>>(mapping, "mapping", "a JSON object of strings");

    /// <summary>A JSON array of <c>{ "sheet", "field", "value" }</c>; null when absent.</summary>
    /// <exception cref="ValidationException">Not such an array.</exception>
    public static List<ImportAnswer>? Answers(string? answers) => Parse<List<ImportAnswer>>(answers, "answers", "a JSON array of { sheet, field, value }");

    private static T? Parse<T>(string? json, string field, string shape)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Web);
        }
        catch (JsonException ex)
        {
            throw new ValidationException([new ValidationFailure(field, $"{field} is not {shape}: {ex.Message}")]);
        }
    }
}
