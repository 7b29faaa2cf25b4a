namespace DualPrevention.Core.Imports;

/// <summary>
/// A ledger sheet's header row: among its first <see cref="ImportLimits.HeaderSearchRows"/> rows, the row naming the
/// most ledger fields, at least <see cref="MinimumFields"/> of them and the description among them.
/// </summary>
internal sealed class LedgerHeader
{
    public const int MinimumFields = 3;

    private LedgerHeader(int rowIndex, IReadOnlyDictionary<LedgerColumn, int> fields, IReadOnlyDictionary<int, string> headers)
    {
        RowIndex = rowIndex;
        Fields = fields;
        Headers = headers;
    }

    /// <summary>Index of the header row in <see cref="WorkbookSheet.Rows"/>; data rows follow it.</summary>
    public int RowIndex { get; }

    /// <summary>Field → 0-based column; a field named twice keeps its leftmost column.</summary>
    public IReadOnlyDictionary<LedgerColumn, int> Fields { get; }

    /// <summary>0-based column → the file's header text.</summary>
    public IReadOnlyDictionary<int, string> Headers { get; }

    public static LedgerHeader? Find(WorkbookSheet sheet)
    {
        LedgerHeader? best = null;
        for (var i = 0; i < Math.Min(sheet.Rows.Count, ImportLimits.HeaderSearchRows); i++)
        {
            var fields = new Dictionary<LedgerColumn, int>();
            var headers = new Dictionary<int, string>();
            var row = sheet.Rows[i];
            for (var c = 0; c < row.Cells.Length; c++)
            {
                if (row.Cells[c] is string text && LedgerSynonyms.ByHeader.TryGetValue(HeaderText.Normalize(text), out var field))
                {
                    fields.TryAdd(field, c);
                    headers[c] = text.Trim();
                }
            }

            if (fields.Count >= MinimumFields && fields.ContainsKey(LedgerColumn.Description) && fields.Count > (best?.Fields.Count ?? 0))
            {
                best = new LedgerHeader(i, fields, headers);
            }
        }

        return best;
    }

    /// <summary>The file's header of <paramref name="field"/>, or the platform's when the column is absent.</summary>
    public string HeaderOf(LedgerColumn field) =>
        Fields.TryGetValue(field, out var column) && Headers.TryGetValue(column, out var text) ? text : LedgerSynonyms.HeaderOf(field);
}
