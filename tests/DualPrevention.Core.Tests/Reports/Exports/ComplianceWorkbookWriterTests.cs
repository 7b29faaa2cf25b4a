using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using ExcelDataReader;
using static DualPrevention.Core.Tests.Reports.ComplianceReportSample;

namespace DualPrevention.Core.Tests.Reports.Exports;

public class ComplianceWorkbookWriterTests
{
    /// <summary>Title, four caption lines, then the header row.</summary>
    private const int HeaderRow = 5;

    // ExcelDataReader asks for code page 1252 even for .xlsx.
    static ComplianceWorkbookWriterTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task The_title_and_caption_state_period_region_beijing_time_and_who_generated_it()
    {
        var sheet = Read(await WorkbookAsync());

        sheet[0][0].ShouldBe(Title);
        sheet[1].Take(2).ShouldBe(["统计周期", "2026年11月（2026-11-01 至 2026-11-30）"]);
        sheet[2].Take(2).ShouldBe(["统计范围", "青岛市（370200）"]);
        sheet[3].Take(2).ShouldBe(["生成时间", "2026-12-01 08:30（北京时间）"]);
        sheet[4].Take(2).ShouldBe(["生成人", "qingdao"]);
    }

    [Fact]
    public async Task The_header_row_has_the_chinese_headers_in_the_shared_column_order()
    {
        var headers = Read(await WorkbookAsync())[HeaderRow];

        headers.ShouldBe(ComplianceColumns.All.Select(c => (object?)c.Header(ReportText.Chinese)));
        headers.ShouldContain("补录(逾期)");
        headers.ShouldContain("隐患整改率");
    }

    [Fact]
    public async Task Rates_are_the_rounded_whole_percent_and_codes_are_strings()
    {
        var haijing = Read(await WorkbookAsync())[HeaderRow + 1];

        At(haijing, "企业名称").ShouldBe(Haijing);
        At(haijing, "统一社会信用代码").ShouldBe(HaijingCreditCode);
        At(haijing, "区划代码").ShouldBe("370202");
        At(haijing, "排查任务完成率").ShouldBe(63d);
        At(haijing, "按期整改率").ShouldBe(67d);
        At(haijing, "包保任务完成率(操作负责人)").ShouldBe(0d);
        At(haijing, "运行效果得分").ShouldBe(68.8d);
        At(haijing, "漏检").ShouldBe(2d);
    }

    [Fact]
    public async Task A_formula_looking_name_stays_text_behind_an_apostrophe_and_empty_rates_stay_empty()
    {
        var file = await WorkbookAsync();
        var idle = Read(file)[HeaderRow + 2];

        At(idle, "企业名称").ShouldBe("'" + FormulaName);
        At(idle, "排查任务完成率").ShouldBeNull();
        At(idle, "否决项").ShouldBe("重大隐患超期未整改");
        Open(file, workbook => workbook.WorksheetParts.Single().Worksheet.Descendants<CellFormula>().Count()).ShouldBe(0);
    }

    [Fact]
    public async Task Totals_follow_their_enterprises_labelled_and_bold()
    {
        var file = await WorkbookAsync();
        var sheet = Read(file);

        Enumerable.Range(HeaderRow + 3, 3).Select(r => sheet[r][2]).ShouldBe(["市南区 合计", "青岛市 合计", "山东省 合计"]);
        At(sheet[HeaderRow + 3], "应排查").ShouldBe(8d);
        Open(file, workbook => IsBold(workbook, HeaderRow + 1)).ShouldBeFalse();
        Open(file, workbook => IsBold(workbook, HeaderRow + 5)).ShouldBeTrue();
    }

    [Fact]
    public async Task Panes_are_frozen_below_the_header_and_right_of_the_enterprise_name()
    {
        var pane = Open(await WorkbookAsync(), workbook => workbook.WorksheetParts.Single().Worksheet.Descendants<Pane>().Single());

        pane.State!.Value.ShouldBe(PaneStateValues.Frozen);
        pane.HorizontalSplit!.Value.ShouldBe(3);
        pane.VerticalSplit!.Value.ShouldBe(HeaderRow + 1);
        pane.TopLeftCell!.Value.ShouldBe("D7");
    }

    [Fact]
    public async Task Rates_are_formatted_as_percent_of_a_whole_number_and_codes_as_text()
    {
        var file = await WorkbookAsync();

        Open(file, workbook => FormatOf(workbook, HeaderRow + 1, "排查任务完成率")).ShouldBe("0\"%\"");
        Open(file, workbook => FormatOf(workbook, HeaderRow + 1, "统一社会信用代码")).ShouldBe("@");
        Open(file, workbook => FormatOf(workbook, HeaderRow + 1, "运行效果得分")).ShouldBe("0.0");
    }

    private static async Task<byte[]> WorkbookAsync()
    {
        using var output = new MemoryStream();
        await ComplianceWorkbookWriter.WriteAsync(output, ComplianceReportSample.Header, StreamAsync(Rows), CancellationToken.None);
        return output.ToArray();
    }

    private static List<object?[]> Read(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToArray());
        }

        return rows;
    }

    private static int Index(string header) => ComplianceColumns.All.Select(c => c.Header(ReportText.Chinese)).ToList().IndexOf(header);

    private static object? At(object?[] cells, string header) => cells[Index(header)];

    private static T Open<T>(byte[] file, Func<WorkbookPart, T> read)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, false);
        return read(document.WorkbookPart!);
    }

    private static CellFormat StyleOf(WorkbookPart workbook, int row, int column)
    {
        var cell = workbook.WorksheetParts.Single().Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == row + 1).Elements<Cell>().ElementAt(column);
        return workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
    }

    private static bool IsBold(WorkbookPart workbook, int row) =>
        workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)StyleOf(workbook, row, 2).FontId!.Value).Bold is not null;

    /// <summary>The format code of a cell; 49 is Excel's built-in "@".</summary>
    private static string FormatOf(WorkbookPart workbook, int row, string header)
    {
        var id = StyleOf(workbook, row, Index(header)).NumberFormatId!.Value;
        return id == 49 ? "@" : workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == id).FormatCode!.Value!;
    }
}
