namespace DualPrevention.Core.Imports;

/// <summary>
/// One sheet as the importer sees it: its non-empty rows with merged ranges already filled from their top-left
/// cell. A hidden sheet carries no rows; it is only reported.
/// </summary>
/// <param name="UncachedFormulas">Cells holding a formula whose value was never computed and saved.</param>
/// <param name="MergedAcross">
/// Cells filled from a merged range to their left (every column of a range but its first): a header or value merged
/// across columns is read once, at its first column.
/// </param>
public sealed record WorkbookSheet(string Name, bool IsHidden, IReadOnlyList<WorkbookRow> Rows, IReadOnlySet<CellPosition> UncachedFormulas, IReadOnlySet<CellPosition> MergedAcross)
{
    /// <summary>True when the cell continues a range merged from a column to its left.</summary>
    public bool ContinuesLeft(int rowNumber, int column) => MergedAcross.Count > 0 && MergedAcross.Contains(new CellPosition(rowNumber, column));

    /// <summary>True when the cell is part of a range merged across columns (its first column included).</summary>
    public bool IsMergedAcross(int rowNumber, int column) => ContinuesLeft(rowNumber, column) || ContinuesLeft(rowNumber, column + 1);
}

/// <summary>A row: its Excel row number (1-based, as Excel shows it) and its cells by 0-based column.</summary>
/// <param name="Cells">string, double, bool or DateTime (numbers formatted as dates); null when blank.</param>
public sealed record WorkbookRow(int Number, object?[] Cells)
{
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;
}

/// <summary>A cell position: Excel row number (1-based) and 0-based column.</summary>
public readonly record struct CellPosition(int Row, int Column);
