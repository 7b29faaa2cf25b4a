using System.Drawing;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The exported ledger as an .xlsx (SpreadCheetah, as the compliance report): the title, the caption lines (label in
/// column A, value in B), the header row, one row per hidden danger with wrapped text; panes frozen below the header
/// and right of the number. Every value is a text cell (dates as yyyy-MM-dd), neutralised by <see cref="FormulaInjection"/>.
/// </summary>
internal static class LedgerWorkbookWriter
{
    private static readonly Color Grid = Color.FromArgb(0xBF, 0xBF, 0xBF);
    private static readonly Color HeaderFill = Color.FromArgb(0xD9, 0xE1, 0xF2);

    /// <summary>Streams the rows to <paramref name="output"/> as they come (left open).</summary>
    public static async Task WriteAsync(Stream output, ExportHiddenDangerLedger.Header header, IAsyncEnumerable<ExportHiddenDangerLedger.Row> rows, CancellationToken cancellationToken)
    {
        var columns = LedgerExportColumns.For(header.ShowEnterprise);
        var caption = LedgerExportColumns.Caption(header);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(output, new SpreadCheetahOptions { PreserveStringWhitespace = true }, cancellationToken))
        {
            var worksheet = new WorksheetOptions { FrozenRows = caption.Count + 2, FrozenColumns = 1 };
            for (var i = 0; i < columns.Count; i++)
            {
                worksheet.Column(i + 1).Width = columns[i].Width;
            }

            await spreadsheet.StartWorksheetAsync(ExportHiddenDangerLedger.T("Title"), worksheet, cancellationToken);
            var title = spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 16 } });
            var label = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var headerStyle = Bordered();
            headerStyle.Font.Bold = true;
            headerStyle.Fill.Color = HeaderFill;
            headerStyle.Alignment.Horizontal = HorizontalAlignment.Center;
            var head = spreadsheet.AddStyle(headerStyle);
            var body = spreadsheet.AddStyle(Bordered());

            await spreadsheet.AddRowAsync([new StyledCell(ExportHiddenDangerLedger.T("Title"), title)], new RowOptions { Height = 24 }, cancellationToken);
            foreach (var (name, value) in caption)
            {
                await spreadsheet.AddRowAsync([new StyledCell(name, label), new StyledCell(FormulaInjection.Neutralize(value), null)], cancellationToken);
            }

            await spreadsheet.AddRowAsync(columns.Select(c => new StyledCell(c.Header, head)).ToArray(), new RowOptions { Height = 30 }, cancellationToken);
            var cells = new StyledCell[columns.Count];
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    cells[i] = new StyledCell(FormulaInjection.Neutralize(columns[i].TextOf(row)), body);
                }

                await spreadsheet.AddRowAsync(cells, cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }
    }

    private static Style Bordered()
    {
        var style = new Style { Alignment = { Vertical = VerticalAlignment.Top, WrapText = true } };
        foreach (var edge in new[] { style.Border.Left, style.Border.Right, style.Border.Top, style.Border.Bottom })
        {
            edge.BorderStyle = BorderStyle.Thin;
            edge.Color = Grid;
        }

        return style;
    }
}
