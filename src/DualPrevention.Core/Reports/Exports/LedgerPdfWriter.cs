using DualPrevention.Core.Papers;
using SkiaSharp;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The exported ledger as an A4 landscape PDF in <see cref="PdfText.FontFamily"/>, in two passes over the rows: the
/// first lays them out and keeps only how many rows each page holds, the second draws them (ADR 0035: a background
/// export may hold 100,000 rows, which are never all in memory). So every page carries the title, the caption
/// (organisation, filters, requester, time), the table header and the page number ("第 n 页 共 m 页"). Cell text wraps at any
/// character, the row growing with it; only a cell longer than <see cref="MaxCellLines"/> lines ends in "…".
/// </summary>
internal static class LedgerPdfWriter
{
    private const float PageWidth = 841.89f;
    private const float PageHeight = 595.28f;
    private const float Margin = 28f;
    private const float TitleSize = 14f;
    private const float CaptionSize = 8f;
    private const float BodySize = 7f;
    private const float LineHeight = 9.5f;
    private const float Padding = 2f;
    private const int MaxCellLines = 30;
    private const int MaxCaptionLines = 4;
    private const float EmAscent = 0.88f;

    /// <exception cref="InvalidOperationException">The font Noto Sans CJK SC (apt fonts-noto-cjk) is not installed.</exception>
    /// <param name="rows">The rows in order, read anew for each pass: false for the layout, true for the drawing.</param>
    public static async Task WriteAsync(
        Stream output, ExportHiddenDangerLedger.Header header, Func<bool, IAsyncEnumerable<ExportHiddenDangerLedger.Row>> rows, CancellationToken cancellationToken)
    {
        var (regularFace, boldFace) = PdfText.LoadFaces();
        using var body = new SKFont(regularFace, BodySize);
        using var bold = new SKFont(boldFace, BodySize);
        using var title = new SKFont(boldFace, TitleSize);
        using var caption = new SKFont(regularFace, CaptionSize);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xBF, 0xBF, 0xBF), Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f };
        using var headerFill = new SKPaint { Color = new SKColor(0xD9, 0xE1, 0xF2) };

        var columns = LedgerExportColumns.For(header.ShowEnterprise);
        var scale = (float)((PageWidth - (2 * Margin)) / columns.Sum(c => c.Width));
        var left = new float[columns.Count + 1];
        left[0] = Margin;
        for (var i = 0; i < columns.Count; i++)
        {
            left[i + 1] = left[i] + ((float)columns[i].Width * scale);
        }

        float Inner(int i) => left[i + 1] - left[i] - (2 * Padding);

        var captionLines = LedgerExportColumns.Caption(header)
            .SelectMany(l => PdfText.Wrap($"{l.Label}：{l.Value}", caption, PageWidth - (2 * Margin), MaxCaptionLines))
            .ToList();
        var headerCells = columns.Select((c, i) => PdfText.Wrap(c.Header, bold, Inner(i), 3)).ToList();
        var headerHeight = (headerCells.Max(c => c.Count) * LineHeight) + (2 * Padding);
        var tableTop = Margin + TitleSize + 8f + (captionLines.Count * LineHeight) + 4f;
        var bottom = PageHeight - Margin;

        List<string>[] Lay(ExportHiddenDangerLedger.Row row) => columns.Select((c, i) => PdfText.Wrap(c.TextOf(row), body, Inner(i), MaxCellLines)).ToArray();

        float Height(List<string>[] cells) => (cells.Max(c => c.Count) * LineHeight) + (2 * Padding);

        // The first pass keeps only each page's number of rows: the page count is printed on every page.
        var rowsPerPage = new List<int> { 0 };
        var y = tableTop + headerHeight;
        await foreach (var row in rows(false).WithCancellation(cancellationToken))
        {
            var height = Height(Lay(row));
            if (y + height > bottom && rowsPerPage[^1] > 0)
            {
                rowsPerPage.Add(0);
                y = tableTop + headerHeight;
            }

            rowsPerPage[^1]++;
            y += height;
        }

        void Text(SKCanvas canvas, string text, float x, float lineTop, SKTextAlign align, SKFont font) =>
            PdfText.Draw(canvas, text, x, lineTop + ((LineHeight - font.Size) / 2) + (EmAscent * font.Size), align, font, ink);

        void Cell(SKCanvas canvas, IReadOnlyList<string> lines, int column, float top, float height, SKFont font, SKTextAlign align)
        {
            canvas.DrawRect(SKRect.Create(left[column], top, left[column + 1] - left[column], height), grid);
            var x = align == SKTextAlign.Center ? (left[column] + left[column + 1]) / 2 : left[column] + Padding;
            for (var l = 0; l < lines.Count; l++)
            {
                Text(canvas, lines[l], x, top + Padding + (l * LineHeight), align, font);
            }
        }

        using (var stream = new SKManagedWStream(output))
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi)
        {
            Title = $"{ExportHiddenDangerLedger.T("Title")} {header.Scope}",
            Author = header.RequestedBy,
            Creator = "DualPrevention",
            Creation = header.GeneratedAt.UtcDateTime,
            Modified = header.GeneratedAt.UtcDateTime,
        }))
        {
            await using var drawn = rows(true).GetAsyncEnumerator(cancellationToken);
            for (var n = 0; n < rowsPerPage.Count; n++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                Text(canvas, ExportHiddenDangerLedger.T("Title"), PageWidth / 2, Margin, SKTextAlign.Center, title);
                for (var l = 0; l < captionLines.Count; l++)
                {
                    Text(canvas, captionLines[l], Margin, Margin + TitleSize + 8f + (l * LineHeight), SKTextAlign.Left, caption);
                }

                canvas.DrawRect(SKRect.Create(left[0], tableTop, left[^1] - left[0], headerHeight), headerFill);
                for (var i = 0; i < columns.Count; i++)
                {
                    Cell(canvas, headerCells[i], i, tableTop, headerHeight, bold, SKTextAlign.Center);
                }

                if (header.Rows == 0)
                {
                    Text(canvas, ExportHiddenDangerLedger.T("NoRows"), Margin + Padding, tableTop + headerHeight + Padding, SKTextAlign.Left, body);
                }

                var top = tableTop + headerHeight;
                for (var r = 0; r < rowsPerPage[n] && await drawn.MoveNextAsync(); r++)
                {
                    var cells = Lay(drawn.Current);
                    var height = Height(cells);
                    for (var i = 0; i < columns.Count; i++)
                    {
                        Cell(canvas, cells[i], i, top, height, body, SKTextAlign.Left);
                    }

                    top += height;
                }

                Text(canvas, ExportHiddenDangerLedger.T("Page", n + 1, rowsPerPage.Count), PageWidth / 2, PageHeight - Margin + 6f, SKTextAlign.Center, caption);
                document.EndPage();
            }

            document.Close();
        }
    }
}
