using System.Text.Json.Serialization;

namespace DualPrevention.Core.Imports;

/// <summary>Why a row of an imported sheet was not read as data.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SkippedRowKind>))]
public enum SkippedRowKind
{
    /// <summary>Above the header: the list's title, its owner, its date.</summary>
    Title = 1,

    /// <summary>Below or between data rows: 说明：…, 注：…, a line merged across the row, or a row with nothing in the key columns.</summary>
    Note = 2,
}

/// <summary>A row the importer skipped, reported in the preview so that nothing leaves the file unseen.</summary>
/// <param name="Row">Excel row number.</param>
/// <param name="Text">The row's first text, at most 80 characters.</param>
public sealed record SkippedRow(string Sheet, int Row, SkippedRowKind Kind, string Text);
