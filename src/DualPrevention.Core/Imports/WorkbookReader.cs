using System.Text;
using DualPrevention.Core.Localization;
using ExcelDataReader;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Reads an .xlsx or .xls (ExcelDataReader) into <see cref="WorkbookSheet"/>s: hidden sheets are reported without
/// rows; merged ranges get their top-left value in every cell, so a value merged down over several measures
/// reads on each of their rows; numbers formatted as dates arrive as <see cref="DateTime"/>.
/// </summary>
public static class WorkbookReader
{
    /// <summary>Columns read per row; a register has about 30, and a sheet's stated extent can be 16,384.</summary>
    public const int MaxColumns = 100;

    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Every sheet, in workbook order.</summary>
    /// <param name="templatePath">The importer's blank template, offered when the workbook cannot be read.</param>
    /// <exception cref="DomainRuleException">The workbook is damaged or encrypted, or has more than <see cref="ImportLimits.MaxDataRows"/> rows.</exception>
    public static IReadOnlyList<WorkbookSheet> Read(byte[] file, WorkbookFormat format, string templatePath)
    {
        try
        {
            return ReadSheets(file, format);
        }
        catch (Exception ex) when (ex is not (DomainRuleException or OutOfMemoryException or OperationCanceledException))
        {
            // ExcelDataReader throws its own types (HeaderException, InvalidPasswordException …) and BCL ones for damaged parts.
            throw new DomainRuleException(CoreText.Get("Import.File.Unreadable", templatePath), ex);
        }
    }

    private static List<WorkbookSheet> ReadSheets(byte[] file, WorkbookFormat format)
    {
        var uncached = format == WorkbookFormat.Xlsx ? UncachedFormulaScanner.Scan(file) : [];
        using var stream = new MemoryStream(file, writable: false);
        using var reader = format == WorkbookFormat.Xlsx ? ExcelReaderFactory.CreateOpenXmlReader(stream) : ExcelReaderFactory.CreateBinaryReader(stream);
        var sheets = new List<WorkbookSheet>();
        var rowBudget = ImportLimits.MaxDataRows;
        do
        {
            if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
            {
                sheets.Add(new WorkbookSheet(reader.Name, true, [], new HashSet<CellPosition>(), new HashSet<CellPosition>()));
                continue;
            }

            // Title and header rows come on top of the data rows the limit counts.
            rowBudget += ImportLimits.HeaderSearchRows;
            var rows = new List<WorkbookRow>();
            var width = Math.Min(reader.FieldCount, MaxColumns);
            while (reader.Read())
            {
                if (ReadRow(reader, width) is { } cells)
                {
                    if (--rowBudget < 0)
                    {
                        throw new DomainRuleException(CoreText.Get("Import.File.TooManyRows", ImportLimits.MaxDataRows));
                    }

                    rows.Add(new WorkbookRow(reader.Depth + 1, cells));
                }
            }

            var formulas = uncached.GetValueOrDefault(reader.Name) ?? [];
            var across = FillMerged(rows, reader.MergeCells ?? [], formulas);
            sheets.Add(new WorkbookSheet(reader.Name, false, rows, formulas, across));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static object?[]? ReadRow(IExcelDataReader reader, int width)
    {
        object?[]? cells = null;
        for (var column = 0; column < width; column++)
        {
            var value = reader.GetValue(column);
            if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
            {
                continue;
            }

            cells ??= new object?[width];
            cells[column] = value;
        }

        return cells;
    }

    /// <returns>The cells filled from a range's first column (<see cref="WorkbookSheet.MergedAcross"/>).</returns>
    private static HashSet<CellPosition> FillMerged(List<WorkbookRow> rows, CellRange[] merges, HashSet<CellPosition> uncachedFormulas)
    {
        var across = new HashSet<CellPosition>();
        if (merges.Length == 0)
        {
            return across;
        }

        var byNumber = rows.ToDictionary(r => r.Number);
        foreach (var merge in merges)
        {
            var top = merge.FromRow + 1;
            var value = byNumber.GetValueOrDefault(top)?[merge.FromColumn];
            var uncached = uncachedFormulas.Contains(new CellPosition(top, merge.FromColumn));
            for (var number = top; number <= merge.ToRow + 1; number++)
            {
                if (!byNumber.TryGetValue(number, out var row))
                {
                    continue;
                }

                for (var column = merge.FromColumn; column <= Math.Min(merge.ToColumn, row.Cells.Length - 1); column++)
                {
                    row.Cells[column] = value;
                    if (column > merge.FromColumn)
                    {
                        across.Add(new CellPosition(number, column));
                    }

                    if (uncached)
                    {
                        uncachedFormulas.Add(new CellPosition(number, column));
                    }
                }
            }
        }

        return across;
    }
}
