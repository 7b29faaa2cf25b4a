using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Imports;

namespace DualPrevention.Testing.Workbooks;

/// <summary>
/// Writes small .xlsx workbooks in tests with the traits real lists have: title rows, merged cells, hidden and
/// several sheets, numbers formatted as dates or times, formulas without a saved value.
/// Cell values: string, any number, <see cref="DateTime"/> (date format), <see cref="TimeOnly"/> (time format),
/// <see cref="FormulaCell"/> (formula, no value), null (no cell).
/// </summary>
public sealed class XlsxBuilder
{
    private const uint DateStyle = 1;
    private const uint TimeStyle = 2;

    private readonly List<SheetSpec> _sheets = [];

    /// <summary>A formula written without its computed value, as generators (not Excel) write them.</summary>
    public sealed record FormulaCell(string Formula);

    private SheetSpec Current => _sheets.Count > 0 ? _sheets[^1] : throw new InvalidOperationException("Call Sheet() first.");

    /// <summary>Starts a sheet; rows and merges that follow belong to it.</summary>
    public XlsxBuilder Sheet(string name, bool hidden = false)
    {
        _sheets.Add(new SheetSpec(name, hidden));
        return this;
    }

    /// <summary>Appends a row below the last one.</summary>
    public XlsxBuilder Row(params object?[] cells) => RowAt(Current.Rows.Count == 0 ? 1 : Current.Rows[^1].Number + 1, cells);

    /// <summary>Writes a row at Excel row <paramref name="number"/> (leaving the rows between empty).</summary>
    public XlsxBuilder RowAt(int number, params object?[] cells)
    {
        Current.Rows.Add((number, cells));
        return this;
    }

    /// <summary>Merges an A1 range such as "B4:B9".</summary>
    public XlsxBuilder Merge(string range)
    {
        Current.Merges.Add(range);
        return this;
    }

    /// <summary>The same sheets as an .xls (BIFF8), the format older templates and exports still come in.</summary>
    public byte[] BuildXls() => XlsWriter.Write(_sheets.Select(s => new XlsWriter.Sheet(s.Name, s.Hidden, s.Rows, s.Merges)));

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            AddStyles(workbookPart);
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var spec in _sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = BuildWorksheet(spec);
                sheets.Append(new Sheet
                {
                    Id = workbookPart.GetIdOfPart(part),
                    SheetId = id++,
                    Name = spec.Name,
                    State = spec.Hidden ? SheetStateValues.Hidden : null,
                });
            }
        }

        return stream.ToArray();
    }

    private static Worksheet BuildWorksheet(SheetSpec spec)
    {
        var data = new SheetData();
        foreach (var (number, values) in spec.Rows.OrderBy(r => r.Number))
        {
            var row = new Row { RowIndex = (uint)number };
            for (var c = 0; c < values.Length; c++)
            {
                if (values[c] is { } value)
                {
                    row.Append(CellOf($"{CellReference.ColumnLetter(c)}{number}", value));
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(data);
        if (spec.Merges.Count > 0)
        {
            worksheet.Append(new MergeCells(spec.Merges.Select(m => new MergeCell { Reference = m })));
        }

        return worksheet;
    }

    private static Cell CellOf(string reference, object value) => value switch
    {
        string text => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) },
        FormulaCell formula => new Cell { CellReference = reference, CellFormula = new CellFormula(formula.Formula) },
        DateTime date => Number(reference, date.ToOADate(), DateStyle),
        TimeOnly time => Number(reference, time.ToTimeSpan().TotalDays, TimeStyle),
        IConvertible number => Number(reference, number.ToDouble(System.Globalization.CultureInfo.InvariantCulture), null),
        _ => throw new ArgumentException($"Cannot write {value.GetType().Name}."),
    };

    private static Cell Number(string reference, double value, uint? style) => new()
    {
        CellReference = reference,
        CellValue = new CellValue(value),
        StyleIndex = style,
    };

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 20, ApplyNumberFormat = true })
            { Count = 3 });
    }

    private sealed record SheetSpec(string Name, bool Hidden)
    {
        public List<(int Number, object?[] Cells)> Rows { get; } = [];

        public List<string> Merges { get; } = [];
    }
}
