using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The columns of a sheet that hold something but map to no field, reported as warnings so that nothing is dropped
/// silently: header cells no field recognises, and columns with values under no header at all (merged ranges are
/// read once, at their first column, so their other columns are not counted).
/// </summary>
internal sealed class IgnoredColumns(WorkbookSheet sheet, int headerRowNumber, IReadOnlyCollection<int> headerColumns)
{
    private readonly SortedDictionary<int, int> _unheaded = [];

    /// <summary>Notes the cells of a data row under no header.</summary>
    public void Track(WorkbookRow row)
    {
        for (var c = 0; c < row.Cells.Length; c++)
        {
            if (row.Cells[c] is not null && !headerColumns.Contains(c) && !_unheaded.ContainsKey(c) && !sheet.ContinuesLeft(row.Number, c))
            {
                _unheaded[c] = row.Number;
            }
        }
    }

    /// <summary>One warning per header cell that maps to nothing, at the header row.</summary>
    public static void ReportUnmapped(ImportProblemLog problems, string sheet, int headerRowNumber, IEnumerable<(int Column, string Header)> unmapped)
    {
        foreach (var (column, header) in unmapped)
        {
            problems.Add(new ImportProblem(ImportSeverity.Warning, sheet, headerRowNumber, CellReference.ColumnLetter(column), header,
                CoreText.Get("Import.Column.Ignored", header)));
        }
    }

    /// <summary>One warning per column with values but no header, at its first such row.</summary>
    public void ReportUnheaded(ImportProblemLog problems)
    {
        foreach (var (column, row) in _unheaded)
        {
            problems.Add(new ImportProblem(ImportSeverity.Warning, sheet.Name, row, CellReference.ColumnLetter(column), null,
                CoreText.Get("Import.Column.NoHeader", headerRowNumber)));
        }
    }
}
