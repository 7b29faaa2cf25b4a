using System.Text.RegularExpressions;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Title rows above a table's header and note rows below or within it, as real lists and ledgers carry them: a note
/// starts with 说明, 注, 备注 or 填表说明 and a colon or number, or is one text merged across the row, or has nothing
/// in the table's key columns (a row of signatures, "编制人：… 审核人：…").
/// </summary>
internal static partial class NoteRows
{
    private const int TextLength = 80;

    /// <summary>True when <paramref name="row"/> is a note rather than data.</summary>
    /// <param name="keyColumns">0-based columns of which a data row fills at least one.</param>
    public static bool IsNote(WorkbookSheet sheet, WorkbookRow row, IEnumerable<int> keyColumns)
    {
        var first = Array.FindIndex(row.Cells, c => c is not null);
        if (first < 0)
        {
            return false;
        }

        if (row.Cells[first] is string text && NotePrefix().IsMatch(text))
        {
            return true;
        }

        // A line merged across the key columns fills them with its text, which is not data.
        return IsMergedAcrossRow(sheet, row, first) || !keyColumns.Any(c => row[c] is not null && !sheet.ContinuesLeft(row.Number, c));
    }

    /// <summary>The rows above the header's first row, as skipped title rows.</summary>
    public static IEnumerable<SkippedRow> Titles(WorkbookSheet sheet, int headerFirstRowIndex) =>
        sheet.Rows.Take(headerFirstRowIndex).Select(r => Skipped(sheet, r, SkippedRowKind.Title));

    public static SkippedRow Skipped(WorkbookSheet sheet, WorkbookRow row, SkippedRowKind kind)
    {
        var text = row.Cells.Select(CellText.Of).FirstOrDefault(t => t is not null) ?? "";
        return new SkippedRow(sheet.Name, row.Number, kind, text.Length <= TextLength ? text : text[..TextLength]);
    }

    /// <summary>One value merged from the row's first filled cell over every other filled cell of the row.</summary>
    private static bool IsMergedAcrossRow(WorkbookSheet sheet, WorkbookRow row, int first)
    {
        if (!sheet.ContinuesLeft(row.Number, first + 1))
        {
            return false;
        }

        for (var c = first + 1; c < row.Cells.Length; c++)
        {
            if (row.Cells[c] is not null && !sheet.ContinuesLeft(row.Number, c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^\s*(说明|注|备注|附注|填表说明)\s*\d*\s*[:：.．、]")]
    private static partial Regex NotePrefix();
}
