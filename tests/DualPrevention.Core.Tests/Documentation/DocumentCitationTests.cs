using System.Text.RegularExpressions;

namespace DualPrevention.Core.Tests.Documentation;

/// <summary>
/// Every citation in the repository resolves inside it (docs/domain/README.md#3-citing-a-section): cited documents
/// and their section anchors exist, ADRs cited by number exist, markdown links land, and nothing cites the former
/// out-of-repository specification, an issue tracker or folders beside the repository.
/// </summary>
public partial class DocumentCitationTests
{
    [Fact]
    public void The_slug_of_a_heading_is_the_one_GitHub_links_to()
    {
        MarkdownHeadings.Slug("6.7 Deadlines and extensions").ShouldBe("67-deadlines-and-extensions");
        MarkdownHeadings.Slug("Organisation & tenancy").ShouldBe("organisation--tenancy");
        MarkdownHeadings.Anchors("# A\n```\n# not a heading\n```\n## A\n").ShouldBe(["a", "a-1"], ignoreOrder: true);
    }

    [Fact]
    public void Every_cited_document_and_section_exists()
    {
        var broken = new List<string>();
        foreach (var file in RepositoryTree.TextFiles())
        {
            foreach (Match citation in RepositoryPathCitation().Matches(RepositoryTree.Read(file)))
            {
                if (Resolve(citation.Groups["path"].Value, citation.Groups["anchor"].Value) is { } problem)
                {
                    broken.Add($"{file}: {citation.Value} ({problem})");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Every_markdown_link_inside_the_repository_lands()
    {
        var broken = new List<string>();
        foreach (var file in RepositoryTree.TextFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            var folder = Path.GetDirectoryName(file)!;
            foreach (Match link in MarkdownLink().Matches(RepositoryTree.Read(file)))
            {
                var target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? "" : target[(hash + 1)..];
                var relative = path.Length == 0 ? file : RepositoryTree.Relative(Path.GetFullPath(Path.Combine(RepositoryTree.Root, folder, path)));
                if (Resolve(relative, anchor) is { } problem)
                {
                    broken.Add($"{file}: {target} ({problem})");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Every_ADR_cited_by_number_exists()
    {
        var decisions = Directory.EnumerateFiles(RepositoryTree.Full("docs/decisions"), "*.md").Select(Path.GetFileName).ToList();
        var missing = RepositoryTree.TextFiles()
            .SelectMany(file => AdrCitation().Matches(RepositoryTree.Read(file)).Select(m => (file, number: m.Groups["number"].Value)))
            .Where(c => !decisions.Any(d => d!.StartsWith(c.number + "-", StringComparison.Ordinal)))
            .Select(c => $"{c.file}: ADR {c.number}")
            .ToList();

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void No_citation_points_outside_the_repository()
    {
        var outside = RepositoryTree.TextFiles()
            .SelectMany(file => RepositoryTree.Read(file).Split('\n').Select((line, index) => (file, line, number: index + 1)))
            .Where(l => OutsideCitation().IsMatch(l.line))
            .Select(l => $"{l.file}:{l.number}: {l.line.Trim()}")
            .ToList();

        outside.ShouldBeEmpty();
    }

    /// <summary>Null when <paramref name="path"/> exists (a file or folder) and, for markdown, has the heading anchor; else why not.</summary>
    private static string? Resolve(string path, string anchor)
    {
        var full = RepositoryTree.Full(path);
        if (!File.Exists(full))
        {
            return Directory.Exists(full) && anchor.Length == 0 ? null : "no such file";
        }

        return anchor.Length == 0 || !path.EndsWith(".md", StringComparison.Ordinal) || MarkdownHeadings.Anchors(File.ReadAllText(full)).Contains(anchor)
            ? null
            : "no such heading";
    }

    /// <summary>
    /// A repository-relative markdown path as code cites it, e.g. docs/domain/dual-prevention.md#64-life-cycle. A
    /// markdown link's target is relative to its file instead, so the link test checks it.
    /// </summary>
    [GeneratedRegex(@"(?<![\w./-]|\]\()(?<path>(?:docs|src|tests|deploy)/[\w./-]*?\.md|README\.md)(?:#(?<anchor>[\w-]+))?")]
    private static partial Regex RepositoryPathCitation();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\bADR (?<number>\d{4})\b")]
    private static partial Regex AdrCitation();

    /// <summary>
    /// The former specification's section citations, issue numbers (the tracker is not part of the repository) and
    /// the folders that used to sit beside it. Written with escapes so that this file does not match itself.
    /// </summary>
    [GeneratedRegex(@"\b[Ss]pec \u00A7|\b[Ii]ssue #?\d|\.\./shared|\bshared/(?:samples|domain)\b")]
    private static partial Regex OutsideCitation();
}
