using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DualPrevention.Core.Data;

namespace DualPrevention.Core.Tests.Data;

/// <summary>
/// Reads migration source and names what in it reaches into project code: a type of DualPrevention.Core (a helper,
/// a constant's class, an enum) or an extension method it declares, an interpolated string (which can splice any of
/// them in), a <c>using static</c> or alias, or a <c>DualPrevention</c> namespace other than <c>DualPrevention.Core.Data</c>
/// (whose <see cref="DualPreventionDbContext"/> the generated <c>[DbContext]</c> attributes name). Comments and plain
/// string literals are frozen text and are not read.
/// </summary>
internal static partial class MigrationSource
{
    public const string Folder = "src/DualPrevention.Core/Data/Migrations";

    private static readonly Lazy<HashSet<string>> ProjectNames = new(ReadProjectNames);

    /// <summary>The migration source files of the repository this test runs in.</summary>
    public static IReadOnlyList<string> Files()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualPrevention.sln")))
            {
                return Directory.GetFiles(Path.Combine(directory.FullName, Folder), "*.cs").Order(StringComparer.Ordinal).ToList();
            }
        }

        throw new DirectoryNotFoundException("DualPrevention.sln not found above the test's directory.");
    }

    /// <summary>What in <paramref name="source"/> reaches into project code, one line each; empty when nothing does.</summary>
    public static IReadOnlyList<string> ProjectReferences(string source)
    {
        var findings = new List<string>();
        var code = CodeOnly(source, findings);
        foreach (Match directive in UsingDirective().Matches(code))
        {
            var target = directive.Groups["target"].Value.Trim();
            if (target.StartsWith("static ", StringComparison.Ordinal) || target.Contains('=', StringComparison.Ordinal))
            {
                findings.Add($"using {target}");
            }
            else if (target.StartsWith("DualPrevention", StringComparison.Ordinal) && target != "DualPrevention.Core.Data")
            {
                findings.Add($"using {target}");
            }
        }

        var body = NamespaceDeclaration().Replace(UsingDirective().Replace(code, ""), "");
        findings.AddRange(Identifier().Matches(body)
            .Select(m => m.Value)
            .Where(name => name == "DualPrevention" || ProjectNames.Value.Contains(name))
            .Distinct()
            .Select(name => $"reference to {name}"));
        return findings;
    }

    /// <summary>
    /// Top-level types of DualPrevention.Core and the extension methods it declares, but not the DbContext, which the
    /// generated attributes must name, nor the migrations themselves. A nested type is reached only through the type
    /// that declares it (<c>using static</c> is refused), so its own name, often an EF word like <c>Column</c>, is not.
    /// </summary>
    private static HashSet<string> ReadProjectNames()
    {
        var migrationsNamespace = typeof(DualPreventionDbContext).Namespace + ".Migrations";
        var types = typeof(DualPreventionDbContext).Assembly.GetTypes()
            .Where(t => t.DeclaringType is null && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.StartsWith('<'))
            .Where(t => t != typeof(DualPreventionDbContext) && t.Namespace != migrationsNamespace)
            .ToList();
        var extensions = types
            .Where(t => t.IsDefined(typeof(ExtensionAttribute)))
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute)))
            .Select(m => m.Name);
        return types.Select(t => t.Name.Split('`')[0]).Concat(extensions).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The source with comments and string and character literals blanked; interpolated strings are findings.</summary>
    private static string CodeOnly(string source, List<string> findings)
    {
        var code = new StringBuilder(source.Length);
        var i = 0;
        while (i < source.Length)
        {
            if (At(source, i, "//"))
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
            }
            else if (At(source, i, "/*"))
            {
                i = source.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else if (source[i] is '$' or '@' or '"' && LiteralAt(source, i) is { } start)
            {
                if (start.Interpolated)
                {
                    findings.Add($"interpolated string at offset {i}");
                }

                i = LiteralEnd(source, start);
                code.Append(" \"\" ");
            }
            else if (source[i] == '\'' && i + 2 < source.Length)
            {
                i = source.IndexOf('\'', source[i + 1] == '\\' ? i + 3 : i + 2) + 1;
                code.Append(" ' ' ");
            }
            else
            {
                code.Append(source[i++]);
            }
        }

        return code.ToString();
    }

    private static bool At(string source, int i, string text) => string.CompareOrdinal(source, i, text, 0, text.Length) == 0;

    private sealed record Literal(int QuotesAt, int Quotes, bool Verbatim, bool Interpolated);

    /// <summary>The string literal starting at <paramref name="i"/> (its prefixes <c>$</c> and <c>@</c> included), or null.</summary>
    private static Literal? LiteralAt(string source, int i)
    {
        var dollars = 0;
        var verbatim = false;
        var at = i;
        for (; at < source.Length && source[at] is '$' or '@'; at++)
        {
            dollars += source[at] == '$' ? 1 : 0;
            verbatim |= source[at] == '@';
        }

        if (at >= source.Length || source[at] != '"')
        {
            return null;
        }

        var quotes = 0;
        while (at + quotes < source.Length && source[at + quotes] == '"')
        {
            quotes++;
        }

        // Two quotes are an empty string; three or more open a raw string literal closed by as many.
        return new Literal(at, quotes >= 3 ? quotes : 1, verbatim, dollars > 0);
    }

    private static int LiteralEnd(string source, Literal start)
    {
        if (start.Quotes >= 3)
        {
            var closing = new string('"', start.Quotes);
            return source.IndexOf(closing, start.QuotesAt + start.Quotes, StringComparison.Ordinal) + start.Quotes;
        }

        for (var i = start.QuotesAt + 1; i < source.Length; i++)
        {
            if (!start.Verbatim && source[i] == '\\')
            {
                i++;
            }
            else if (source[i] == '"')
            {
                if (start.Verbatim && i + 1 < source.Length && source[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return source.Length;
    }

    [GeneratedRegex(@"^\s*using\s+(?<target>[^;]+);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*namespace\s+[\w.]+", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b[A-Za-z_]\w*\b")]
    private static partial Regex Identifier();
}
