using System.Text;
using SkiaSharp;

namespace DualPrevention.Core.Papers;

/// <summary>
/// Chinese text on a Skia PDF page, shared by every paper the platform prints: the font, drawing a line so that its
/// characters can be searched and copied, and wrapping at any character (Chinese has no spaces to break at).
/// </summary>
internal static class PdfText
{
    /// <summary>
    /// The system font (apt fonts-noto-cjk): Chinese and Latin in one face. Skia embeds this CFF-flavoured OpenType
    /// as Type 3 fonts holding the outlines of the glyphs used, so the file shows the same without the font.
    /// </summary>
    public const string FontFamily = "Noto Sans CJK SC";

    private const string Ellipsis = "…";

    /// <summary>Loads <see cref="FontFamily"/> in regular and bold (regular again when no bold face is installed).</summary>
    /// <exception cref="InvalidOperationException">The font is not installed.</exception>
    public static (SKTypeface Regular, SKTypeface Bold) LoadFaces()
    {
        var regular = Match(SKFontStyle.Normal) ?? throw new InvalidOperationException(
            $"The PDF needs the font \"{FontFamily}\": install the apt package fonts-noto-cjk (deploy/local/run.sh and test.sh do).");
        return (regular, Match(SKFontStyle.Bold) ?? regular);
    }

    /// <summary>
    /// Draws text as a run that carries its characters, not only glyphs. The CJK font maps radicals and
    /// ideographs to shared glyphs (⻘ U+2EC4 and 青 U+9752), and from glyphs alone the PDF's ToUnicode names the
    /// radical, so copied or searched text breaks; with the characters Skia writes ActualText where they differ.
    /// </summary>
    public static void Draw(SKCanvas canvas, string text, float x, float baseline, SKTextAlign align, SKFont font, SKPaint ink)
    {
        if (text.Length == 0)
        {
            return;
        }

        var glyphs = font.GetGlyphs(text);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var clusters = new uint[glyphs.Length];
        var glyph = 0;
        var offset = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            clusters[glyph++] = (uint)offset;
            offset += rune.Utf8SequenceLength;
        }

        var width = font.MeasureText(glyphs);
        var left = align switch
        {
            SKTextAlign.Left => x,
            SKTextAlign.Right => x - width,
            _ => x - (width / 2),
        };
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocateTextRun(font, glyphs.Length, left, baseline, utf8.Length);
        run.SetGlyphs(glyphs);
        run.SetText(utf8);
        run.SetClusters(clusters);
        using var blob = builder.Build();
        canvas.DrawText(blob, 0, 0, ink);
    }

    /// <summary>
    /// Breaks text at any character into at most <paramref name="maxLines"/>, the last ending in "…" when text is
    /// left over. Line ends in the text start new lines.
    /// </summary>
    public static List<string> Wrap(string text, SKFont font, float width, int maxLines)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var rest = paragraph;
            do
            {
                if (lines.Count == maxLines - 1 && font.MeasureText(rest) > width)
                {
                    lines.Add(rest[..Fit(rest, font, width - font.MeasureText(Ellipsis))] + Ellipsis);
                    return lines;
                }

                if (lines.Count == maxLines)
                {
                    return lines;
                }

                var count = rest.Length == 0 ? 0 : Math.Max(1, Fit(rest, font, width));
                lines.Add(rest[..count]);
                rest = rest[count..];
            }
            while (rest.Length > 0);
        }

        return lines;
    }

    private static SKTypeface? Match(SKFontStyle style)
    {
        var face = SKFontManager.Default.MatchFamily(FontFamily, style);
        if (face is not null && face.FamilyName != FontFamily)
        {
            face.Dispose();
            return null;
        }

        return face;
    }

    /// <summary>How many characters fit, never splitting a surrogate pair.</summary>
    private static int Fit(string text, SKFont font, float width)
    {
        var count = (int)font.BreakText(text, width);
        return count > 0 && count < text.Length && char.IsHighSurrogate(text[count - 1]) ? count - 1 : count;
    }
}
