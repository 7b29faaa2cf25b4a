using SkiaSharp;

namespace DualPrevention.Core.Papers;

/// <summary>
/// Writes a <see cref="PaperDocument"/> as an A4 portrait PDF in <see cref="PdfText.FontFamily"/>: the whole form is
/// laid out first, so every page carries "第 n 页 共 m 页" and the title repeats on each page. A row's value wraps at
/// any character onto as many lines as it needs and continues on the next page under its label repeated; the note, a
/// signature line and a pair of photos never split.
/// </summary>
public static class PaperPdfWriter
{
    private const float PageWidth = 595.28f;
    private const float PageHeight = 841.89f;
    private const float Margin = 48f;
    private const float TitleSize = 18f;
    private const float CaptionSize = 9f;
    private const float BodySize = 10f;
    private const float LineHeight = 15f;
    private const float Padding = 4f;
    private const float LabelWidth = 112f;
    private const float PhotoWidth = 240f;
    private const float PhotoHeight = 180f;
    private const int MaxNoteLines = 20;
    private const float EmAscent = 0.88f;
    private const float ContentTop = Margin + TitleSize + 24f;
    private const float ContentBottom = PageHeight - Margin;

    /// <summary>The PDF's bytes.</summary>
    /// <exception cref="InvalidOperationException">The font Noto Sans CJK SC (apt fonts-noto-cjk) is not installed.</exception>
    public static byte[] Write(PaperDocument paper)
    {
        var (regularFace, boldFace) = PdfText.LoadFaces();
        using var body = new SKFont(regularFace, BodySize);
        using var bold = new SKFont(boldFace, BodySize);
        using var title = new SKFont(boldFace, TitleSize);
        using var caption = new SKFont(regularFace, CaptionSize);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0x80, 0x80, 0x80), Style = SKPaintStyle.Stroke, StrokeWidth = 0.6f };
        using var labelFill = new SKPaint { Color = new SKColor(0xF2, 0xF2, 0xF2) };
        var pages = new List<List<Action<SKCanvas>>> { new() };
        var y = ContentTop;

        void Place(float height, Func<float, Action<SKCanvas>> draw)
        {
            if (y + height > ContentBottom && y > ContentTop)
            {
                pages.Add([]);
                y = ContentTop;
            }

            pages[^1].Add(draw(y));
            y += height;
        }

        void Text(SKCanvas canvas, string text, float x, float lineTop, SKTextAlign align, SKFont font) =>
            PdfText.Draw(canvas, text, x, lineTop + ((LineHeight - font.Size) / 2) + (EmAscent * font.Size), align, font, ink);

        var valueLeft = Margin + LabelWidth;
        var valueWidth = PageWidth - Margin - valueLeft;
        foreach (var field in paper.Fields)
        {
            var labelLines = PdfText.Wrap(field.Label, bold, LabelWidth - (2 * Padding), 4);
            var valueLines = PdfText.Wrap(field.Value ?? "", body, valueWidth - (2 * Padding), int.MaxValue);
            var taken = 0;
            do
            {
                var room = (int)((ContentBottom - y - (2 * Padding)) / LineHeight);
                var wanted = Math.Max(labelLines.Count, valueLines.Count - taken);
                if (room < Math.Min(wanted, labelLines.Count))
                {
                    room = (int)((ContentBottom - ContentTop - (2 * Padding)) / LineHeight);
                }

                var chunk = valueLines.Skip(taken).Take(room).ToList();
                taken += chunk.Count;
                var height = (Math.Max(labelLines.Count, chunk.Count) * LineHeight) + (2 * Padding);
                Place(height, top => canvas =>
                {
                    var label = SKRect.Create(Margin, top, LabelWidth, height);
                    canvas.DrawRect(label, labelFill);
                    canvas.DrawRect(label, grid);
                    canvas.DrawRect(SKRect.Create(valueLeft, top, valueWidth, height), grid);
                    for (var i = 0; i < labelLines.Count; i++)
                    {
                        Text(canvas, labelLines[i], Margin + Padding, top + Padding + (i * LineHeight), SKTextAlign.Left, bold);
                    }

                    for (var i = 0; i < chunk.Count; i++)
                    {
                        Text(canvas, chunk[i], valueLeft + Padding, top + Padding + (i * LineHeight), SKTextAlign.Left, body);
                    }
                });
            }
            while (taken < valueLines.Count);
        }

        if (paper.Note is { } note)
        {
            var lines = PdfText.Wrap(note, body, PageWidth - (2 * Margin), MaxNoteLines);
            Place((lines.Count * LineHeight) + (2 * LineHeight), top => canvas =>
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    Text(canvas, lines[i], Margin, top + LineHeight + (i * LineHeight), SKTextAlign.Left, body);
                }
            });
        }

        foreach (var signature in paper.Signatures)
        {
            var line = $"{signature.Label}（签字）：{signature.Name ?? "＿＿＿＿＿＿＿＿"}　　日期：{signature.Date ?? "＿＿＿＿年＿＿月＿＿日"}";
            Place(2 * LineHeight, top => canvas => Text(canvas, line, Margin, top + LineHeight, SKTextAlign.Left, body));
        }

        var decoded = paper.Photos.Select(p => (p.Caption, Image: SKImage.FromEncodedData(p.Content))).Where(p => p.Image is not null).ToList();
        try
        {
            for (var i = 0; i < decoded.Count; i += 2)
            {
                var pair = decoded.Skip(i).Take(2).ToList();
                Place(PhotoHeight + (2 * LineHeight), top => canvas =>
                {
                    for (var p = 0; p < pair.Count; p++)
                    {
                        var left = Margin + (p * (PhotoWidth + 19f));
                        Text(canvas, pair[p].Caption, left, top + (LineHeight / 2), SKTextAlign.Left, bold);
                        var image = pair[p].Image;
                        var scale = Math.Min(PhotoWidth / image.Width, PhotoHeight / image.Height);
                        canvas.DrawImage(image, SKRect.Create(left, top + (1.5f * LineHeight), image.Width * scale, image.Height * scale), new SKSamplingOptions(SKCubicResampler.Mitchell));
                    }
                });
            }

            return Render(paper, pages, title, caption, ink);
        }
        finally
        {
            foreach (var (_, image) in decoded)
            {
                image.Dispose();
            }

            if (!ReferenceEquals(boldFace, regularFace))
            {
                boldFace.Dispose();
            }

            regularFace.Dispose();
        }
    }

    private static byte[] Render(PaperDocument paper, List<List<Action<SKCanvas>>> pages, SKFont title, SKFont caption, SKPaint ink)
    {
        var metadata = new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi)
        {
            Title = paper.Title,
            Author = paper.PrintedBy,
            Creator = "DualPrevention",
            Creation = paper.PrintedAt.UtcDateTime,
            Modified = paper.PrintedAt.UtcDateTime,
        };
        using var output = new MemoryStream();
        using (var stream = new SKManagedWStream(output))
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var n = 0; n < pages.Count; n++)
            {
                var canvas = document.BeginPage(PageWidth, PageHeight);
                PdfText.Draw(canvas, paper.Title, PageWidth / 2, Margin + TitleSize, SKTextAlign.Center, title, ink);
                PdfText.Draw(canvas, paper.Caption, PageWidth / 2, Margin + TitleSize + 16f, SKTextAlign.Center, caption, ink);
                foreach (var draw in pages[n])
                {
                    draw(canvas);
                }

                var foot = $"打印时间：{BusinessTime.ToLocal(paper.PrintedAt):yyyy-MM-dd HH:mm}（北京时间）　打印人：{paper.PrintedBy}　　第 {n + 1} 页 共 {pages.Count} 页";
                PdfText.Draw(canvas, foot, PageWidth / 2, PageHeight - (Margin / 2), SKTextAlign.Center, caption, ink);
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }
}
