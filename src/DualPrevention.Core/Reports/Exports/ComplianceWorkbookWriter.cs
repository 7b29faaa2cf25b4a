using System.Drawing;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Risks;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Writes the compliance report as an .xlsx, forward-only (SpreadCheetah): the title and
/// <see cref="ComplianceReportCaption.Lines"/> (label in column A, value in B), the header row in the file's language, then one
/// row per <see cref="ComplianceReportRow"/> as rows arrive, totals in bold on grey. Panes are frozen below the
/// header and right of the enterprise name. Counts are numbers; rates are the rounded whole percent as a number
/// (63, shown "63%" by the format <c>0"%"</c>), the same value the UI shows; scores have one decimal; codes are
/// text cells formatted "@"; an empty value is an empty cell. Every text is a string cell, neutralized by
/// <see cref="FormulaInjection"/> as in the CSV.
/// </summary>
public static class ComplianceWorkbookWriter
{
    private static readonly Color Grid = Color.FromArgb(0xBF, 0xBF, 0xBF);
    private static readonly Color HeaderFill = Color.FromArgb(0xD9, 0xE1, 0xF2);
    private static readonly Color TotalFill = Color.FromArgb(0xF2, 0xF2, 0xF2);

    /// <summary>Writes the workbook asynchronously only, so <paramref name="output"/> may be an HTTP response body; leaves it open.</summary>
    public static async Task WriteAsync(Stream output, ComplianceReportHeader header, IAsyncEnumerable<ComplianceReportRow> rows, CancellationToken cancellationToken)
    {
        await using var sink = new AsyncOnlyStream(output);
        await WriteSheetAsync(sink, header, rows, cancellationToken);
        await sink.FlushAsync(cancellationToken);
    }

    private static async Task WriteSheetAsync(Stream output, ComplianceReportHeader header, IAsyncEnumerable<ComplianceReportRow> rows, CancellationToken cancellationToken)
    {
        // Leading whitespace is data (a tab the guard prefixed must stay visible behind its apostrophe).
        var options = new SpreadCheetahOptions { PreserveStringWhitespace = true };
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(output, options, cancellationToken);
        var columns = ComplianceColumns.All;
        var caption = ComplianceReportCaption.Lines(header);
        var culture = header.Language;

        // Frozen: the title, the caption lines and the header row.
        var worksheet = new WorksheetOptions { FrozenRows = caption.Count + 2, FrozenColumns = ComplianceColumns.KeyColumns };
        for (var i = 0; i < columns.Count; i++)
        {
            worksheet.Column(i + 1).Width = columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync(ReportText.Get("ComplianceReport.SheetName", culture), worksheet, cancellationToken);
        var styles = Styles.Add(spreadsheet);

        await spreadsheet.AddRowAsync([new StyledCell(ComplianceReportCaption.Title(culture), styles.Title)], new RowOptions { Height = 24 }, cancellationToken);
        foreach (var (label, value) in caption)
        {
            await spreadsheet.AddRowAsync([new StyledCell(label, styles.Label), new StyledCell(FormulaInjection.Neutralize(value), styles.Caption)], cancellationToken);
        }

        await spreadsheet.AddRowAsync(columns.Select(c => new StyledCell(c.Header(culture), styles.Header)).ToArray(), new RowOptions { Height = 30 }, cancellationToken);

        var cells = new StyledCell[columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var total = row.Kind != ComplianceRowKind.Enterprise;
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i];
                var style = styles.Body[(column.Kind, total)];
                cells[i] = column.IsNumeric
                    ? new StyledCell(column.NumberOf(row), style)
                    : new StyledCell(FormulaInjection.Neutralize(column.TextOf(row, culture)), style);
            }

            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }

        await spreadsheet.FinishAsync(cancellationToken);
    }

    private sealed record Styles(StyleId Title, StyleId Label, StyleId Caption, StyleId Header, IReadOnlyDictionary<(ComplianceValueKind, bool), StyleId> Body)
    {
        public static Styles Add(Spreadsheet spreadsheet)
        {
            var header = Bordered();
            header.Font.Bold = true;
            header.Fill.Color = HeaderFill;
            header.Alignment.Horizontal = HorizontalAlignment.Center;
            header.Alignment.WrapText = true;

            var body = new Dictionary<(ComplianceValueKind, bool), StyleId>();
            foreach (var kind in Enum.GetValues<ComplianceValueKind>())
            {
                foreach (var total in new[] { false, true })
                {
                    var style = Bordered();
                    style.Format = Format(kind);
                    style.Font.Bold = total;
                    if (total)
                    {
                        style.Fill.Color = TotalFill;
                    }

                    body[(kind, total)] = spreadsheet.AddStyle(style);
                }
            }

            return new Styles(
                spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 16 } }),
                spreadsheet.AddStyle(new Style { Font = { Bold = true } }),
                spreadsheet.AddStyle(new Style()),
                spreadsheet.AddStyle(header),
                body);
        }

        private static NumberFormat? Format(ComplianceValueKind kind) => kind switch
        {
            // "@" keeps a code text when someone edits the cell, so long digit runs never become numbers.
            ComplianceValueKind.Code => NumberFormat.Custom("@"),
            ComplianceValueKind.Count => NumberFormat.Standard(StandardNumberFormat.NoDecimalPlaces),
            ComplianceValueKind.Percent => NumberFormat.Custom("0\"%\""),
            ComplianceValueKind.Score => NumberFormat.Custom("0.0"),
            ComplianceValueKind.Text => null,
        };

        private static Style Bordered()
        {
            var style = new Style { Alignment = { Vertical = VerticalAlignment.Center } };
            foreach (var edge in new[] { style.Border.Left, style.Border.Right, style.Border.Top, style.Border.Bottom })
            {
                edge.BorderStyle = BorderStyle.Thin;
                edge.Color = Grid;
            }

            return style;
        }
    }
}
