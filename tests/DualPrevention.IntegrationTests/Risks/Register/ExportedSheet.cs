using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DualPrevention.IntegrationTests.Risks.Register;

/// <summary>The first worksheet of an exported workbook, read back with the Open XML SDK: texts, cell types, fills, frozen pane.</summary>
internal sealed class ExportedSheet
{
    private ExportedSheet(IReadOnlyList<IReadOnlyList<SheetCell>> rows, string? frozenTopLeft, int frozenRows, IReadOnlyList<string> merges, bool hasFormulas)
    {
        Rows = rows;
        FrozenTopLeft = frozenTopLeft;
        FrozenRows = frozenRows;
        Merges = merges;
        HasFormulas = hasFormulas;
    }

    /// <summary>Rows top to bottom, cells left to right (gaps filled with empty cells).</summary>
    public IReadOnlyList<IReadOnlyList<SheetCell>> Rows { get; }

    public string? FrozenTopLeft { get; }

    public int FrozenRows { get; }

    public IReadOnlyList<string> Merges { get; }

    public bool HasFormulas { get; }

    public static ExportedSheet Read(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet!;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();

        var rows = new List<IReadOnlyList<SheetCell>>();
        foreach (var row in sheet.Descendants<Row>())
        {
            var cells = new List<SheetCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                while (cells.Count < column)
                {
                    cells.Add(new SheetCell(null, null, null));
                }

                var type = cell.DataType?.Value;
                var text = type == CellValues.InlineString ? cell.InlineString!.InnerText
                    : type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : cell.CellValue?.Text;
                var fillId = cell.StyleIndex?.Value is { } style ? formats[(int)style].FillId?.Value : null;
                var fill = fillId is { } id ? fills[(int)id].PatternFill?.ForegroundColor?.Rgb?.Value : null;
                cells.Add(new SheetCell(string.IsNullOrEmpty(text) ? null : text, type, fill));
            }

            rows.Add(cells);
        }

        var pane = sheet.Descendants<Pane>().SingleOrDefault();
        return new ExportedSheet(
            rows,
            pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null,
            pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0,
            sheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList(),
            sheet.Descendants<CellFormula>().Any());
    }

    /// <summary>The cell under the header named <paramref name="header"/> in data row <paramref name="dataRow"/> (0-based, below the header).</summary>
    public SheetCell At(int dataRow, string header)
    {
        var column = Rows[1].Select(c => c.Text).ToList().IndexOf(header);
        var row = Rows[2 + dataRow];
        return column < row.Count ? row[column] : new SheetCell(null, null, null);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}

/// <summary>A cell's text, its declared type (null for a number) and its fill colour as ARGB hex.</summary>
internal sealed record SheetCell(string? Text, CellValues? Type, string? Fill);
