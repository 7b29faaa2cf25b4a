namespace DualPrevention.Core.Tests.Documentation;

/// <summary>The checked-out repository the tests run from, and the text files whose citations are checked.</summary>
internal static class RepositoryTree
{
    /// <summary>Folders scanned from the root, and the root files.</summary>
    private static readonly string[] Roots = ["src", "tests", "deploy", ".ci", "docs"];

    private static readonly string[] RootFiles = ["README.md"];

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".razor", ".resx", ".csproj", ".props", ".targets", ".json", ".sh", ".sql", ".md", ".css", ".js", ".example", "",
    };

    /// <summary>Build output and third-party packages are not ours to cite from; minified files neither.</summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", "TestResults", "node_modules", "lib", "vendor", "dist",
    };

    public static string Root { get; } = FindRoot();

    /// <summary>Repository-relative paths with forward slashes, e.g. <c>src/DualPrevention.Core/Risks/RiskLevel.cs</c>.</summary>
    public static IEnumerable<string> TextFiles() =>
        Roots.Select(r => Path.Combine(Root, r)).Where(Directory.Exists).SelectMany(Walk)
            .Concat(RootFiles.Select(f => Path.Combine(Root, f)).Where(File.Exists))
            .Select(Relative)
            .Order(StringComparer.Ordinal);

    public static string Read(string relativePath) => File.ReadAllText(Full(relativePath));

    public static string Full(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public static string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static IEnumerable<string> Walk(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (TextExtensions.Contains(Path.GetExtension(name)) && !name.Contains(".min.", StringComparison.OrdinalIgnoreCase))
            {
                yield return file;
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !SkippedFolders.Contains(Path.GetFileName(d))))
        {
            foreach (var file in Walk(sub))
            {
                yield return file;
            }
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DualPrevention.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("DualPrevention.sln not found above the test output folder.");
    }
}
