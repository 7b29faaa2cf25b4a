using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The blank risk-control list in the platform's layout (<see cref="RiskRegisterLayout"/>): sheet one has a title
/// row, the header row and the column widths, nothing hidden; sheet two lists the words each value column
/// accepts. It imports as it is (no data rows) and once filled in.
/// </summary>
public static class RiskRegisterTemplate
{
    /// <summary>The name of the sheet the list goes on.</summary>
    public const string ListSheet = "风险分级管控清单";

    /// <summary>The name of the sheet of allowed values.</summary>
    public const string ValuesSheet = "可选值";

    /// <summary>Suggested download name.</summary>
    public const string FileName = "风险分级管控清单-导入模板.xlsx";

    private const uint HeaderStyle = 1;
    private const uint TitleStyle = 2;

    /// <summary>The template as .xlsx bytes.</summary>
    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, ListSheet, ListWorksheet());
            AddSheet(workbook, sheets, 2, ValuesSheet, ValuesWorksheet());
        }

        return stream.ToArray();
    }

    private static Worksheet ListWorksheet()
    {
        var columns = RiskRegisterLayout.Columns;
        var last = CellReference.ColumnLetter(columns.Count - 1);
        var widths = new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true }));
        var title = new Row(TextCell("A1", "安全风险分级管控清单", TitleStyle)) { RowIndex = 1, Height = 28, CustomHeight = true };
        var header = new Row(columns.Select((c, i) => TextCell($"{CellReference.ColumnLetter(i)}2", c.Header, HeaderStyle))) { RowIndex = 2 };
        var frozen = new SheetViews(new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        return new Worksheet(frozen, widths, new SheetData(title, header), new MergeCells(new MergeCell { Reference = $"A1:{last}1" }));
    }

    private static Worksheet ValuesWorksheet()
    {
        (string Field, string Words)[] values =
        [
            ("评价方法", Join(RiskRegisterLayout.MethodWords.Values)),
            ("风险等级", Join(RiskRegisterLayout.LevelWords.Values) + "（平台按现行分级标准重新计算）"),
            ("措施分类一级", Join(MeasureClassification.Classify1Names.Values)),
            .. MeasureClassification.Classify1Names.Select(c => ($"措施分类二级（{c.Value}）",
                Join(MeasureClassification.Classify2.Where(e => e.Value.Classify1 == c.Key).Select(e => $"{e.Key} {e.Value.Name}")))),
            ("管控方式", Join(RiskRegisterLayout.DataSourceWords.Values)),
            ("周期单位", Join(RiskRegisterLayout.CycleUnitWords.Values) + "、周（按 7 天）、季（按 3 月）"),
            ("管控层级", Join(RiskRegisterLayout.ControlLevelWords.Values)),
            ("任务类型", Join(RiskRegisterLayout.TaskTypeWords.Values)),
            ("工作日类型", Join(RiskRegisterLayout.WorkDayTypeWords.Values)),
            ("工作开始时间、工作结束时间", "仅小时周期填写，如 8:00"),
        ];
        var rows = new List<Row> { new(TextCell("A1", "字段", HeaderStyle), TextCell("B1", "可填写的值", HeaderStyle)) { RowIndex = 1 } };
        rows.AddRange(values.Select((v, i) => new Row(TextCell($"A{i + 2}", v.Field, 0), TextCell($"B{i + 2}", v.Words, 0)) { RowIndex = (uint)i + 2 }));
        var widths = new Columns(new Column { Min = 1, Max = 1, Width = 28, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 90, CustomWidth = true });
        return new Worksheet(widths, new SheetData(rows));
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
        StyleIndex = style == 0 ? null : style,
    };

    private static string Join(IEnumerable<string> words) => string.Join("、", words);

    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold()), new Font(new Bold(), new FontSize { Val = 16 })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(), new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin }, new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin })) { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            { FontId = 1, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }) { FontId = 2, ApplyFont = true, ApplyAlignment = true })
        { Count = 3 });
}
