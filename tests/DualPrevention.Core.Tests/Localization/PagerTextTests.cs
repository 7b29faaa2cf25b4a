using System.Text.RegularExpressions;
using DualPrevention.Core.Tests.Documentation;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>
/// MudBlazor's table pager writes "Rows per page:" and "1-10 of 42" in English unless it is given the shell's texts
/// (<c>Common.RowsPerPage</c>, <c>Common.PagerInfo</c>), so a Chinese page would show English under its table.
/// </summary>
public partial class PagerTextTests
{
    [Fact]
    public void Every_table_pager_is_given_the_texts_of_the_users_language()
    {
        var bare = RepositoryTree.TextFiles()
            .Where(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".razor", StringComparison.Ordinal))
            .SelectMany(f => Pager().Matches(RepositoryTree.Read(f))
                .Where(m => !m.Value.Contains("RowsPerPageString=", StringComparison.Ordinal) || !m.Value.Contains("InfoFormat=", StringComparison.Ordinal))
                .Select(m => $"{f}: {m.Value}"))
            .ToList();

        bare.ShouldBeEmpty("set RowsPerPageString=\"@L[\"Common.RowsPerPage\"]\" InfoFormat=\"@L[\"Common.PagerInfo\"]\"");
    }

    [GeneratedRegex(@"<MudTablePager\b[^>]*>")]
    private static partial Regex Pager();
}
