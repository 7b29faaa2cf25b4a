using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The blank hidden-danger ledger: a title row and the header row naming every <see cref="LedgerColumn"/> by the
/// platform's header (<see cref="LedgerSynonyms.HeaderOf"/>). It imports as it is (no data rows) and once filled in.
/// </summary>
public static class HiddenDangerLedgerTemplate
{
    /// <summary>Suggested download name.</summary>
    public const string FileName = "隐患排查治理台账-导入模板.xlsx";

    /// <summary>The template as .xlsx bytes.</summary>
    public static byte[] Build()
    {
        var columns = Enum.GetValues<LedgerColumn>();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var title = new Row(TextCell("A1", "隐患排查治理台账")) { RowIndex = 1 };
            var header = new Row(columns.Select((c, i) => TextCell($"{CellReference.ColumnLetter(i)}2", LedgerSynonyms.HeaderOf(c)))) { RowIndex = 2 };
            part.Worksheet = new Worksheet(new SheetData(title, header), new MergeCells(new MergeCell { Reference = $"A1:{CellReference.ColumnLetter(columns.Length - 1)}1" }));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "隐患台账" }));
        }

        return stream.ToArray();
    }

    private static Cell TextCell(string reference, string text) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };
}
