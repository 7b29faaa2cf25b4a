using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>A column of a sheet's header row and the field it was mapped to (null: not imported).</summary>
/// <param name="Letter">Excel column letter, "A" for the first.</param>
/// <param name="Key">The header's normalised text (<see cref="HeaderText.Normalize"/>), the key a correction or profile uses.</param>
public sealed record ImportColumn(string Sheet, string Letter, string Header, string Key, RegisterColumn? Field);

/// <summary>
/// A sheet's header row, found among its first <see cref="ImportLimits.HeaderSearchRows"/> rows as the row naming
/// the most distinct register fields: at least <see cref="MinimumFields"/> of them, one a level of the register
/// tree (object, unit, event or measure), so that a sheet of allowed values is not taken for a list. A row
/// that misses a required column still qualifies, so the user can map that column in the preview.
/// </summary>
public sealed class SheetHeader
{
    /// <summary>Fewest recognised fields for a row to count as the header.</summary>
    public const int MinimumFields = 3;

    private static readonly RegisterColumn[] TreeFields =
        [RegisterColumn.ObjectName, RegisterColumn.ObjectCode, RegisterColumn.UnitName, RegisterColumn.EventName, RegisterColumn.MeasureDescription];

    private SheetHeader(int rowIndex, int rowNumber, IReadOnlyList<ImportColumn> columns, IReadOnlyDictionary<RegisterColumn, int> fields)
    {
        RowIndex = rowIndex;
        RowNumber = rowNumber;
        Columns = columns;
        Fields = fields;
    }

    /// <summary>Index of the header row in <see cref="WorkbookSheet.Rows"/>; data rows follow it.</summary>
    public int RowIndex { get; }

    /// <summary>Excel row number of the header row.</summary>
    public int RowNumber { get; }

    /// <summary>Every non-blank header cell, left to right.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Field → 0-based column; a field named twice keeps its leftmost column.</summary>
    public IReadOnlyDictionary<RegisterColumn, int> Fields { get; }

    /// <summary>The header of <paramref name="sheet"/>, or null when no row qualifies.</summary>
    public static SheetHeader? Find(WorkbookSheet sheet, ColumnLookup lookup)
    {
        var best = (Index: -1, Count: 0);
        for (var i = 0; i < Math.Min(sheet.Rows.Count, ImportLimits.HeaderSearchRows); i++)
        {
            var fields = FieldsOf(sheet.Rows[i], lookup);
            if (fields.Count > best.Count && TreeFields.Any(fields.ContainsKey))
            {
                best = (i, fields.Count);
            }
        }

        if (best.Count < MinimumFields)
        {
            return null;
        }

        var row = sheet.Rows[best.Index];
        var columns = new List<ImportColumn>();
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (CellText.Of(row.Cells[c]) is { } header)
            {
                var key = HeaderText.Normalize(header);
                columns.Add(new ImportColumn(sheet.Name, CellReference.ColumnLetter(c), header, key, lookup.Find(key)));
            }
        }

        return new SheetHeader(best.Index, row.Number, columns, FieldsOf(row, lookup));
    }

    /// <summary>The header text of column <paramref name="column"/>, for problems.</summary>
    public string HeaderOf(int column) =>
        Columns.FirstOrDefault(c => c.Letter == CellReference.ColumnLetter(column))?.Header ?? "";

    private static Dictionary<RegisterColumn, int> FieldsOf(WorkbookRow row, ColumnLookup lookup)
    {
        var fields = new Dictionary<RegisterColumn, int>();
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (row.Cells[c] is string text && lookup.Find(HeaderText.Normalize(text)) is { } field)
            {
                fields.TryAdd(field, c);
            }
        }

        return fields;
    }
}
