using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Risks;
using SkiaSharp;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Writes the compliance report as an A4 landscape PDF (SkiaSharp, the glyphs used of
/// <see cref="CompliancePdfLayout.FontFamily"/> embedded): title, period, region, generated-at and generated-by,
/// and the table header on every page, totals in bold on grey, rates as "63%" and "—" for no value (<see cref="ComplianceColumn.Display"/>).
/// Pages are numbered "第 n 页" without the total, because pages leave as soon as they are full and the row
/// count is not known until the rows end. The PDF carries the columns with <see cref="ComplianceColumn.InPdf"/>.
/// </summary>
public static class CompliancePdfWriter
{
    /// <summary>
    /// Writes page by page; each finished page goes to <paramref name="output"/> asynchronously, so it may be an HTTP
    /// response body and memory stays flat. Leaves the stream open.
    /// </summary>
    /// <exception cref="InvalidOperationException">The font Noto Sans CJK SC (apt fonts-noto-cjk) is not installed.</exception>
    public static async Task WriteAsync(Stream output, ComplianceReportHeader header, IAsyncEnumerable<ComplianceReportRow> rows, CancellationToken cancellationToken)
    {
        using var layout = CompliancePdfLayout.Create(header.Language);
        await using var sink = new AsyncOnlyStream(output);
        using (var counted = new PositionCountingStream(sink))
        using (var pdf = new SKManagedWStream(counted))
        using (var document = SKDocument.CreatePdf(pdf, Metadata(header)))
        {
            SKCanvas? page = null;
            var pageNumber = 0;
            var y = 0f;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var prepared = layout.Prepare(row);
                if (page is null || y + prepared.Height > CompliancePdfLayout.Bottom)
                {
                    if (page is not null)
                    {
                        document.EndPage();
                        await sink.FlushAsync(cancellationToken);
                    }

                    page = document.BeginPage(CompliancePdfLayout.PageWidth, CompliancePdfLayout.PageHeight);
                    y = layout.StartPage(page, header, ++pageNumber);
                }

                layout.DrawRow(page, y, prepared);
                y += prepared.Height;
            }

            if (page is null)
            {
                page = document.BeginPage(CompliancePdfLayout.PageWidth, CompliancePdfLayout.PageHeight);
                layout.DrawNoRows(page, layout.StartPage(page, header, 1));
            }

            document.EndPage();
            document.Close();
        }

        await sink.FlushAsync(cancellationToken);
    }

    private static SKDocumentPdfMetadata Metadata(ComplianceReportHeader header)
    {
        var metadata = new SKDocumentPdfMetadata(SKDocumentPdfMetadata.DefaultRasterDpi)
        {
            Title = $"{ComplianceReportCaption.Title(header.Language)} {header.RegionName} {header.Period.Name(header.Language)}",
            Author = header.GeneratedBy,
            Creator = "DualPrevention",
            Creation = header.GeneratedAt.UtcDateTime,
            Modified = header.GeneratedAt.UtcDateTime,
        };
        return metadata;
    }
}
