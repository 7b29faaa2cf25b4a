namespace DualPrevention.Core.Imports;

/// <summary>
/// One sheet as the importer sees it: its non-empty rows with merged ranges already filled from their top-left
/// cell. A hidden sheet carries no rows; it is only reported.
/// </summary>
/// <param name="UncachedFormulas">Cells holding a formula whose value was never computed and saved.</param>
public sealed record WorkbookSheet(string Name, bool IsHidden, IReadOnlyList<WorkbookRow> Rows, IReadOnlySet<CellPosition> UncachedFormulas);

/// <summary>A row: its Excel row number (1-based, as Excel shows it) and its cells by 0-based column.</summary>
/// <param name="Cells">string, double, bool or DateTime (numbers formatted as dates); null when blank.</param>
public sealed record WorkbookRow(int Number, object?[] Cells)
{
    public object? this[int column] => column < Cells.Length ? Cells[column] : null;
}

/// <summary>A cell position: Excel row number (1-based) and 0-based column.</summary>
public readonly record struct CellPosition(int Row, int Column);
