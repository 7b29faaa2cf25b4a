namespace DualPrevention.Core.Imports;

/// <summary>A column of a ledger sheet's header row and the field it was mapped to (null: not imported).</summary>
/// <param name="Letter">Excel column letter, "A" for the first.</param>
/// <param name="Key">The header's normalised text (<see cref="HeaderText.Normalize"/>), the key a correction or profile uses.</param>
public sealed record LedgerImportColumn(string Sheet, string Letter, string Header, string Key, LedgerColumn? Field);

/// <summary>
/// A ledger sheet's header row: among its first <see cref="ImportLimits.HeaderSearchRows"/> rows, the row naming the
/// most ledger fields, at least <see cref="MinimumFields"/> of them and the description among them. Cells under a group
/// header read with the group's text as well, and a header merged across columns is one column (<see cref="HeaderCells"/>).
/// </summary>
internal sealed class LedgerHeader
{
    public const int MinimumFields = 3;

    private LedgerHeader(int rowIndex, int firstRowIndex, int rowNumber, IReadOnlyList<LedgerImportColumn> columns, IReadOnlyDictionary<LedgerColumn, int> fields)
    {
        RowIndex = rowIndex;
        FirstRowIndex = firstRowIndex;
        RowNumber = rowNumber;
        Columns = columns;
        Fields = fields;
    }

    /// <summary>Index of the header row in <see cref="WorkbookSheet.Rows"/>; data rows follow it.</summary>
    public int RowIndex { get; }

    /// <summary>Index of the header's first row (its group-header row when it has one); rows above it are titles.</summary>
    public int FirstRowIndex { get; }

    /// <summary>Excel row number of the header row.</summary>
    public int RowNumber { get; }

    /// <summary>Every non-blank header cell, left to right.</summary>
    public IReadOnlyList<LedgerImportColumn> Columns { get; }

    /// <summary>Field → 0-based column; a field named twice keeps its leftmost column.</summary>
    public IReadOnlyDictionary<LedgerColumn, int> Fields { get; }

    public static LedgerHeader? Find(WorkbookSheet sheet, LedgerColumnLookup lookup) =>
        Best(sheet, lookup) is { Fields.Count: >= MinimumFields } best && best.Fields.ContainsKey(LedgerColumn.Description) ? best : null;

    /// <summary>The row naming the most fields (the description among them when any row names it), however few; null for an empty sheet.</summary>
    public static LedgerHeader? Best(WorkbookSheet sheet, LedgerColumnLookup lookup)
    {
        LedgerHeader? best = null;
        for (var i = 0; i < Math.Min(sheet.Rows.Count, ImportLimits.HeaderSearchRows); i++)
        {
            var candidate = Read(sheet, i, lookup);
            var described = candidate.Fields.ContainsKey(LedgerColumn.Description);
            var bestDescribed = best?.Fields.ContainsKey(LedgerColumn.Description) ?? false;
            if (best is null || (described && !bestDescribed) || (described == bestDescribed && candidate.Fields.Count > best.Fields.Count))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The file's header of <paramref name="field"/>, or the platform's when the column is absent.</summary>
    public string HeaderOf(LedgerColumn field) =>
        Fields.TryGetValue(field, out var column) ? Columns.First(c => c.Letter == CellReference.ColumnLetter(column)).Header : LedgerSynonyms.HeaderOf(field);

    private static LedgerHeader Read(WorkbookSheet sheet, int index, LedgerColumnLookup lookup)
    {
        var columns = new List<LedgerImportColumn>();
        var fields = new Dictionary<LedgerColumn, int>();
        var grouped = false;
        foreach (var cell in HeaderCells.Of(sheet, index))
        {
            var (field, key, text, byGroup) = cell.Resolve(lookup.Find);
            grouped |= byGroup;
            columns.Add(new LedgerImportColumn(sheet.Name, CellReference.ColumnLetter(cell.Column), text, key, field));
            if (field is { } f)
            {
                fields.TryAdd(f, cell.Column);
            }
        }

        return new LedgerHeader(index, grouped || HeaderCells.HasGroupRow(sheet, index) ? index - 1 : index, sheet.Rows[index].Number, columns, fields);
    }
}
