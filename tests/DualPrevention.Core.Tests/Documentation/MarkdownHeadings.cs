using System.Text;

namespace DualPrevention.Core.Tests.Documentation;

/// <summary>The anchors GitHub gives a markdown file's headings, the scheme docs/domain/README.md#3-citing-a-section describes.</summary>
internal static class MarkdownHeadings
{
    /// <summary>
    /// Every heading's anchor, in order; a repeated heading gets <c>-1</c>, <c>-2</c> … as on GitHub. Lines inside
    /// fenced code blocks are not headings.
    /// </summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            var level = trimmed.TakeWhile(c => c == '#').Count();
            if (inFence || level is 0 or > 6 || trimmed.Length <= level || trimmed[level] != ' ')
            {
                continue;
            }

            var slug = Slug(trimmed[level..].Trim().TrimEnd('#').Trim());
            var unique = slug;
            for (var n = 1; !anchors.Add(unique); n++)
            {
                unique = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    /// <summary>GitHub's slug: lower case; letters, digits, hyphens and underscores kept; spaces become hyphens; the rest dropped.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }
}
