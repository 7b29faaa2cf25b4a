using System.Text;

namespace DualPrevention.Core.Imports;

/// <summary>
/// The comparable form of a header or value word: Unicode NFKC (full-width Ｌ, （ and ３ become L, ( and 3), every
/// white space including line breaks removed, the decoration people add around headers (*, :, brackets) and the
/// separators inside them (/, 、, commas, semicolons) removed,
/// lower-case. "风险\n等级 " and "风险等级：" both read "风险等级"; "L（可能性）" reads "l可能性"; "危险源/风险事件" reads "危险源风险事件".
/// </summary>
public static class HeaderText
{
    /// <summary>Removed wherever they stand: the decoration people add around headers, and the separators inside them.</summary>
    private const string Decoration = "*:()[]【】<>《》\"'“”‘’/、,，;；·";

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && !Decoration.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
