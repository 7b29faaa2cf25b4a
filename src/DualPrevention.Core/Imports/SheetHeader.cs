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
/// that misses a required column still qualifies, so the user can map that column in the preview. A row under
/// a group header (危险评价 over L, E, C, D) reads its cells with the group's (<see cref="HeaderCells"/>).
/// </summary>
public sealed class SheetHeader
{
    /// <summary>Fewest recognised fields for a row to count as the header.</summary>
    public const int MinimumFields = 3;

    private static readonly RegisterColumn[] TreeFields =
        [RegisterColumn.ObjectName, RegisterColumn.ObjectCode, RegisterColumn.UnitName, RegisterColumn.EventName, RegisterColumn.MeasureDescription];

    private SheetHeader(int rowIndex, int rowNumber, int firstRowIndex, IReadOnlyList<ImportColumn> columns, IReadOnlyDictionary<RegisterColumn, int> fields)
    {
        RowIndex = rowIndex;
        RowNumber = rowNumber;
        FirstRowIndex = firstRowIndex;
        Columns = columns;
        Fields = fields;
    }

    /// <summary>Index of the header row in <see cref="WorkbookSheet.Rows"/>; data rows follow it.</summary>
    public int RowIndex { get; }

    /// <summary>Excel row number of the header row.</summary>
    public int RowNumber { get; }

    /// <summary>Index of the header's first row: its group-header row when it has one; rows above it are titles.</summary>
    public int FirstRowIndex { get; }

    /// <summary>Every non-blank header cell, left to right.</summary>
    public IReadOnlyList<ImportColumn> Columns { get; }

    /// <summary>Field → 0-based column; a field named twice keeps its leftmost column.</summary>
    public IReadOnlyDictionary<RegisterColumn, int> Fields { get; }

    /// <summary>The header of <paramref name="sheet"/>, or null when no row qualifies.</summary>
    public static SheetHeader? Find(WorkbookSheet sheet, ColumnLookup lookup) =>
        Best(sheet, lookup) is { Fields.Count: >= MinimumFields } best && TreeFields.Any(best.Fields.ContainsKey) ? best : null;

    /// <summary>The row naming the most fields (a tree field among them when any row names one), however few; null for an empty sheet.</summary>
    public static SheetHeader? Best(WorkbookSheet sheet, ColumnLookup lookup)
    {
        SheetHeader? best = null;
        var bestHasTree = false;
        for (var i = 0; i < Math.Min(sheet.Rows.Count, ImportLimits.HeaderSearchRows); i++)
        {
            var candidate = Read(sheet, i, lookup);
            var hasTree = TreeFields.Any(candidate.Fields.ContainsKey);
            if (best is null || (hasTree && !bestHasTree) || (hasTree == bestHasTree && candidate.Fields.Count > best.Fields.Count))
            {
                (best, bestHasTree) = (candidate, hasTree);
            }
        }

        return best;
    }

    /// <summary>The header text of column <paramref name="column"/>, for problems.</summary>
    public string HeaderOf(int column) =>
        Columns.FirstOrDefault(c => c.Letter == CellReference.ColumnLetter(column))?.Header ?? "";

    private static SheetHeader Read(WorkbookSheet sheet, int index, ColumnLookup lookup)
    {
        var columns = new List<ImportColumn>();
        var fields = new Dictionary<RegisterColumn, int>();
        var grouped = false;
        foreach (var cell in HeaderCells.Of(sheet, index))
        {
            var (field, key, text, byGroup) = cell.Resolve(lookup.Find);
            grouped |= byGroup;
            columns.Add(new ImportColumn(sheet.Name, CellReference.ColumnLetter(cell.Column), text, key, field));
            if (field is { } f)
            {
                fields.TryAdd(f, cell.Column);
            }
        }

        return new SheetHeader(index, sheet.Rows[index].Number, grouped || HeaderCells.HasGroupRow(sheet, index) ? index - 1 : index, columns, fields);
    }
}
