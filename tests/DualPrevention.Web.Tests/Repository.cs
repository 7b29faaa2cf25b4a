namespace DualPrevention.Web.Tests;

/// <summary>The repository's working copy, for tests that read or regenerate source files.</summary>
internal static class Repository
{
    /// <summary>The folder holding DualPrevention.sln, found above the test output folder.</summary>
    public static string Root()
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
