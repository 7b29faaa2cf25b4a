using DualPrevention.Core.Papers;
using SkiaSharp;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The exported ledger as an A4 landscape PDF in <see cref="PdfText.FontFamily"/>, laid out whole before it is drawn
/// (an export holds at most <see cref="ExportHiddenDangerLedger.MaxRows"/> rows), so every page carries the title, the
/// caption (organisation, filters, requester, time), the table header and the page number ("第 n 页 共 m 页"). Cell text wraps at any
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
    public static byte[] Write(ExportHiddenDangerLedger.Header header, IReadOnlyList<ExportHiddenDangerLedger.Row> rows)
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

        // Rows laid out into pages first: each page's rows and where they start.
        var pages = new List<List<(float Top, List<string>[] Cells, float Height)>> { new() };
        var y = tableTop + headerHeight;
        foreach (var row in rows)
        {
            var cells = columns.Select((c, i) => PdfText.Wrap(c.TextOf(row), body, Inner(i), MaxCellLines)).ToArray();
            var height = (cells.Max(c => c.Count) * LineHeight) + (2 * Padding);
            if (y + height > bottom && pages[^1].Count > 0)
            {
                pages.Add([]);
                y = tableTop + headerHeight;
            }

            pages[^1].Add((y, cells, height));
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

        using var output = new MemoryStream();
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
            for (var n = 0; n < pages.Count; n++)
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

                if (rows.Count == 0)
                {
                    Text(canvas, ExportHiddenDangerLedger.T("NoRows"), Margin + Padding, tableTop + headerHeight + Padding, SKTextAlign.Left, body);
                }

                foreach (var (top, cells, height) in pages[n])
                {
                    for (var i = 0; i < columns.Count; i++)
                    {
                        Cell(canvas, cells[i], i, top, height, body, SKTextAlign.Left);
                    }
                }

                Text(canvas, ExportHiddenDangerLedger.T("Page", n + 1, pages.Count), PageWidth / 2, PageHeight - Margin + 6f, SKTextAlign.Center, caption);
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }
}
