using System.Text;

namespace DualPrevention.Core.Notifications.GroupRobots;

/// <summary>
/// What a group robot posts: a notification already rendered in the group's language, its link absolute under the
/// public base URL (ADR 0018) with <paramref name="LinkText"/> as the link's words.
/// </summary>
public sealed record GroupRobotMessage(string Title, string Body, string? Link, string LinkText)
{
    /// <summary>Heading, body and link as the markdown both robots understand (heading, paragraph, <c>[text](url)</c>).</summary>
    public string Markdown()
    {
        var text = new StringBuilder().Append("### ").Append(Escape(Title)).Append("\n\n").Append(Escape(Body));
        if (Link is { } link)
        {
            text.Append("\n\n[").Append(Escape(LinkText)).Append("](").Append(link).Append(')');
        }

        return text.ToString();
    }

    /// <summary><paramref name="text"/> cut to at most <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.</summary>
    internal static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes)
        {
            length--;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }

    /// <summary>Names and comments typed by users are shown as typed, not read as markdown.</summary>
    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal)
            .Replace("]", "\\]", StringComparison.Ordinal)
            .Replace("*", "\\*", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal);
}
