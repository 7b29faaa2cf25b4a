using System.Text.RegularExpressions;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>Whether a text holds a CJK unified ideograph (U+4E00–U+9FFF): Chinese words, as opposed to full-width punctuation.</summary>
internal static partial class ChineseText
{
    public static bool Contains(string text) => Ideograph().IsMatch(text);

    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Ideograph();
}
