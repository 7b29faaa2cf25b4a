using System.Globalization;
using DualPrevention.Core.Papers;
using DualPrevention.Core.Reports.Compliance;
using SkiaSharp;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// The compliance report's A4 landscape page: title and caption on top, the two-row table header (groups over
/// short headers), rows of 6 pt text, "第 n 页" ("Page n") at the foot. Column widths are <see cref="ComplianceColumn.Width"/>
/// scaled to the page. Text and codes (long county names, credit codes) wrap onto as many lines as they need, the row
/// growing with them; only text longer than <see cref="MaxTextLines"/> lines ends in an ellipsis. A number too wide
/// for its column is drawn smaller rather than cut, so no figure is ever lost.
/// </summary>
internal sealed class CompliancePdfLayout : IDisposable
{
    /// <summary>The font every paper uses (<see cref="PdfText.FontFamily"/>).</summary>
    public const string FontFamily = PdfText.FontFamily;

    /// <summary>A4 landscape, in PDF points (1/72 inch).</summary>
    public const float PageWidth = 841.89f;

    public const float PageHeight = 595.28f;

    private const float Margin = 28f;
    private const float TitleSize = 14f;
    private const float CaptionSize = 7f;
    private const float BodySize = 6f;
    private const float LineHeight = 8f;
    private const float PaddingX = 1.5f;
    private const float PaddingY = 2f;
    /// <summary>Lines a cell may take before it ends in "…": far more than any real name, well under a page.</summary>
    private const int MaxTextLines = 20;
    private const int MaxHeaderLines = 5;
    private const float TableTop = Margin + 36f;
    private const float GroupRowHeight = LineHeight + (2 * PaddingY);

    /// <summary>Share of the em above the baseline in Noto CJK's ideographic em box (880 of 1000 units).</summary>
    private const float EmAscent = 0.88f;

    private readonly SKTypeface _regularFace;
    private readonly SKTypeface _boldFace;
    private readonly SKFont _body;
    private readonly SKFont _bold;
    private readonly SKFont _title;
    private readonly SKFont _caption;
    private readonly SKPaint _ink = new() { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
    private readonly SKPaint _grid = new() { Color = new SKColor(0xBF, 0xBF, 0xBF), Style = SKPaintStyle.Stroke, StrokeWidth = 0.4f };
    private readonly SKPaint _headerFill = new() { Color = new SKColor(0xD9, 0xE1, 0xF2) };
    private readonly SKPaint _totalFill = new() { Color = new SKColor(0xF2, 0xF2, 0xF2) };
    private readonly ComplianceColumn[] _columns;
    private readonly string?[] _groups;
    private readonly float[] _left;
    private readonly string[][] _headerLines;
    private readonly float _headerHeight;

    private readonly CultureInfo _culture;

    private CompliancePdfLayout(SKTypeface regular, SKTypeface bold, CultureInfo culture)
    {
        _culture = culture;
        _regularFace = regular;
        _boldFace = bold;
        _body = new SKFont(regular, BodySize);
        _bold = new SKFont(bold, BodySize);
        _title = new SKFont(bold, TitleSize);
        _caption = new SKFont(regular, CaptionSize);

        _columns = ComplianceColumns.All.Where(c => c.InPdf).ToArray();
        var scale = (float)((PageWidth - (2 * Margin)) / _columns.Sum(c => c.Width));
        _left = new float[_columns.Length + 1];
        _left[0] = Margin;
        for (var i = 0; i < _columns.Length; i++)
        {
            _left[i + 1] = _left[i] + ((float)_columns[i].Width * scale);
        }

        // A group left with one column on paper (包保 without its roles) heads that column by its full name.
        _groups = _columns.Select(c => _columns.Count(o => o.Group is not null && o.Group == c.Group) > 1 ? c.GroupName(culture) : null).ToArray();
        _headerLines = _columns
            .Select((c, i) => Wrap(_groups[i] is null ? c.Header(culture) : c.ShortHeader(culture), _bold, Inner(i), MaxHeaderLines).ToArray())
            .ToArray();
        var subRowLines = _headerLines.Where((_, i) => _groups[i] is not null).Max(l => l.Length);
        var ungroupedLines = _headerLines.Where((_, i) => _groups[i] is null).Max(l => l.Length);
        _headerHeight = Math.Max(GroupRowHeight + (subRowLines * LineHeight) + (2 * PaddingY), (ungroupedLines * LineHeight) + (2 * PaddingY));
    }

    /// <summary>Where rows must end on a page.</summary>
    public static float Bottom => PageHeight - Margin;

    /// <summary>Loads <see cref="FontFamily"/> in regular and bold, for a file in <paramref name="culture"/>.</summary>
    /// <exception cref="InvalidOperationException">The font is not installed.</exception>
    public static CompliancePdfLayout Create(CultureInfo culture)
    {
        var (regular, bold) = PdfText.LoadFaces();
        return new CompliancePdfLayout(regular, bold, culture);
    }

    /// <summary>Draws the page's title, caption, page number and table header; returns where the first row goes.</summary>
    public float StartPage(SKCanvas canvas, ComplianceReportHeader header, int pageNumber)
    {
        DrawString(canvas, ComplianceReportCaption.Title(_culture), PageWidth / 2, Margin + TitleSize, SKTextAlign.Center, _title);
        var caption = string.Join("　　", ComplianceReportCaption.Lines(header).Select(l => ComplianceReportCaption.Line(l, _culture)));
        DrawString(canvas, caption, PageWidth / 2, Margin + TitleSize + 12f, SKTextAlign.Center, _caption);
        DrawString(canvas, ReportText.Get("ComplianceReport.Page", _culture, pageNumber), PageWidth / 2, PageHeight - (Margin / 2), SKTextAlign.Center, _caption);
        DrawTableHeader(canvas);
        return TableTop + _headerHeight;
    }

    /// <summary>Wraps and measures a row before it is drawn, so the writer can start a new page when it does not fit.</summary>
    public PreparedRow Prepare(ComplianceReportRow row)
    {
        var total = row.Kind != ComplianceRowKind.Enterprise;
        var font = total ? _bold : _body;
        var cells = new string[_columns.Length][];
        var lines = 1;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            var text = column.Display(row, _culture, empty: column.IsNumeric ? "—" : "");
            cells[i] = column.IsNumeric ? [text] : Wrap(text, font, Inner(i), MaxTextLines).ToArray();
            lines = Math.Max(lines, cells[i].Length);
        }

        return new PreparedRow(total, cells, (lines * LineHeight) + (2 * PaddingY));
    }

    public void DrawRow(SKCanvas canvas, float top, PreparedRow row)
    {
        var font = row.Total ? _bold : _body;
        if (row.Total)
        {
            canvas.DrawRect(SKRect.Create(_left[0], top, _left[^1] - _left[0], row.Height), _totalFill);
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var cell = SKRect.Create(_left[i], top, _left[i + 1] - _left[i], row.Height);
            canvas.DrawRect(cell, _grid);
            var align = _columns[i].IsNumeric ? SKTextAlign.Right : SKTextAlign.Left;
            if (!_columns[i].IsNumeric)
            {
                DrawLines(canvas, row.Cells[i], cell, align, font);
            }
            else
            {
                DrawFitted(canvas, row.Cells[i][0], cell, align, font);
            }
        }
    }

    /// <summary>The note under the header of a report without rows.</summary>
    public void DrawNoRows(SKCanvas canvas, float top) =>
        DrawString(canvas, ReportText.Get("ComplianceReport.NoRows", _culture), _left[0] + PaddingX, top + LineHeight + PaddingY, SKTextAlign.Left, _body);

    public void Dispose()
    {
        _body.Dispose();
        _bold.Dispose();
        _title.Dispose();
        _caption.Dispose();
        _ink.Dispose();
        _grid.Dispose();
        _headerFill.Dispose();
        _totalFill.Dispose();
        if (!ReferenceEquals(_boldFace, _regularFace))
        {
            _boldFace.Dispose();
        }

        _regularFace.Dispose();
    }

    private void DrawTableHeader(SKCanvas canvas)
    {
        canvas.DrawRect(SKRect.Create(_left[0], TableTop, _left[^1] - _left[0], _headerHeight), _headerFill);
        for (var i = 0; i < _columns.Length; i++)
        {
            var group = _groups[i];
            if (group is null)
            {
                var whole = SKRect.Create(_left[i], TableTop, _left[i + 1] - _left[i], _headerHeight);
                canvas.DrawRect(whole, _grid);
                DrawLines(canvas, _headerLines[i], whole, SKTextAlign.Center, _bold);
                continue;
            }

            if (i == 0 || _groups[i - 1] != group)
            {
                var end = i;
                while (end + 1 < _columns.Length && _groups[end + 1] == group)
                {
                    end++;
                }

                var span = SKRect.Create(_left[i], TableTop, _left[end + 1] - _left[i], GroupRowHeight);
                canvas.DrawRect(span, _grid);
                DrawFitted(canvas, group, span, SKTextAlign.Center, _bold);
            }

            var below = SKRect.Create(_left[i], TableTop + GroupRowHeight, _left[i + 1] - _left[i], _headerHeight - GroupRowHeight);
            canvas.DrawRect(below, _grid);
            DrawLines(canvas, _headerLines[i], below, SKTextAlign.Center, _bold);
        }
    }

    /// <summary>Lines centred vertically in the cell.</summary>
    private void DrawLines(SKCanvas canvas, string[] lines, SKRect cell, SKTextAlign align, SKFont font)
    {
        var top = cell.Top + ((cell.Height - (lines.Length * LineHeight)) / 2);
        for (var l = 0; l < lines.Length; l++)
        {
            DrawString(canvas, lines[l], X(cell, align), Baseline(top + (l * LineHeight), font.Size), align, font);
        }
    }

    /// <summary>One line, drawn smaller when it is wider than the cell.</summary>
    private void DrawFitted(SKCanvas canvas, string text, SKRect cell, SKTextAlign align, SKFont font)
    {
        var top = cell.Top + ((cell.Height - LineHeight) / 2);
        var room = cell.Width - (2 * PaddingX);
        var width = font.MeasureText(text);
        if (width <= room)
        {
            DrawString(canvas, text, X(cell, align), Baseline(top, font.Size), align, font);
            return;
        }

        using var smaller = new SKFont(font.Typeface, font.Size * room / width);
        DrawString(canvas, text, X(cell, align), Baseline(top, smaller.Size), align, smaller);
    }

    private void DrawString(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font) =>
        PdfText.Draw(canvas, text, x, baseline, align, font, _ink);

    private static float X(SKRect cell, SKTextAlign align) => align switch
    {
        SKTextAlign.Left => cell.Left + PaddingX,
        SKTextAlign.Right => cell.Right - PaddingX,
        _ => cell.MidX,
    };

    /// <summary>The baseline that centres a font's em box in a line box starting at <paramref name="lineTop"/>.</summary>
    private static float Baseline(float lineTop, float size) => lineTop + ((LineHeight - size) / 2) + (EmAscent * size);

    private float Inner(int column) => _left[column + 1] - _left[column] - (2 * PaddingX);

    /// <summary>Wraps a cell's text; line ends inside it read as spaces, as on screen.</summary>
    private static List<string> Wrap(string text, SKFont font, float width, int maxLines) =>
        PdfText.Wrap(text.ReplaceLineEndings(" "), font, width, maxLines);

    /// <summary>A row's wrapped cell lines, its boldness and height in points.</summary>
    internal sealed record PreparedRow(bool Total, string[][] Cells, float Height);
}
