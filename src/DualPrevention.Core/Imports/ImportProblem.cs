using System.Text.Json.Serialization;

namespace DualPrevention.Core.Imports;

/// <summary>How bad a problem is: any <see cref="Error"/> blocks the commit; a <see cref="Warning"/> only informs.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ImportSeverity>))]
public enum ImportSeverity
{
    Error = 1,
    Warning = 2,
}

/// <summary>A problem found in the workbook, placed where a person finds it in Excel.</summary>
/// <param name="Row">Excel row number (1-based), null for the whole sheet.</param>
/// <param name="Column">Excel column letter, null for the whole row.</param>
/// <param name="Header">The column's header text as the file writes it.</param>
/// <param name="Message">In the current UI culture.</param>
public sealed record ImportProblem(ImportSeverity Severity, string Sheet, int? Row, string? Column, string? Header, string Message);
