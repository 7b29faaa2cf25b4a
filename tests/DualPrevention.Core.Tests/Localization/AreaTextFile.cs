using System.Xml.Linq;
using DualPrevention.Core.Tests.Documentation;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>
/// One area's text file as written in the repository: <c>Messages.resx</c> (Core) or <c>Text.resx</c> (Web) with
/// its English and Chinese keys and texts, read from the source so Core's tests can check Web's files too.
/// </summary>
/// <param name="Path">Repository-relative path of the English file, e.g. <c>src/DualPrevention.Web/HiddenDangers/Text.resx</c>.</param>
internal sealed record AreaTextFile(string Path, IReadOnlyDictionary<string, string> English, IReadOnlyDictionary<string, string> Chinese)
{
    /// <summary>The file name every area's Core messages have.</summary>
    public const string CoreName = "Messages";

    /// <summary>The file name every area's UI text has.</summary>
    public const string WebName = "Text";

    public static IReadOnlyList<AreaTextFile> Of(string project, string name) =>
        RepositoryTree.TextFiles()
            .Where(file => file.StartsWith($"src/{project}/", StringComparison.Ordinal) && file.EndsWith($"/{name}.resx", StringComparison.Ordinal))
            .Select(file => new AreaTextFile(file, Read(file), Read(file[..^".resx".Length] + ".zh-CN.resx")))
            .ToList();

    /// <summary>Every resource file under <c>src</c>, English and Chinese alike.</summary>
    public static IEnumerable<string> AllResourceFiles() =>
        RepositoryTree.TextFiles().Where(file => file.StartsWith("src/", StringComparison.Ordinal) && file.EndsWith(".resx", StringComparison.Ordinal));

    private static Dictionary<string, string> Read(string file) =>
        File.Exists(RepositoryTree.Full(file))
            ? XDocument.Parse(RepositoryTree.Read(file)).Root!.Elements("data")
                .ToDictionary(data => (string)data.Attribute("name")!, data => (string)data.Element("value")!, StringComparer.Ordinal)
            : [];
}
