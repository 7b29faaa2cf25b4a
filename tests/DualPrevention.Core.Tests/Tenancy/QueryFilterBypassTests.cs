using System.Text.RegularExpressions;
using DualPrevention.Core.Tests.Documentation;

namespace DualPrevention.Core.Tests.Tenancy;

/// <summary>
/// The tenant query filter is one of the two walls between enterprises (the other is row-level security): code may
/// lift only the soft-delete filter, as <c>IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly)</c> (proved by
/// IntegrationTests/Tenancy/SoftDeleteBypassTests), never every filter nor the tenant one.
/// </summary>
public partial class QueryFilterBypassTests
{
    [Fact]
    public void Source_code_lifts_only_the_soft_delete_filter()
    {
        var sources = RepositoryTree.TextFiles().Where(f => f.StartsWith("src/", StringComparison.Ordinal) && f.EndsWith(".cs", StringComparison.Ordinal)).ToList();
        var bypasses = sources.SelectMany(f => Bypass().Matches(RepositoryTree.Read(f)).Select(m => (File: f, Arguments: m.Groups["arguments"].Value.Trim()))).ToList();

        bypasses.ShouldNotBeEmpty("the scan sees the existing soft-delete reads");
        bypasses.Where(b => b.Arguments is not ("DualPreventionDbContext.SoftDeleteOnly" or "SoftDeleteOnly"))
            .Select(b => $"{b.File}: IgnoreQueryFilters({b.Arguments})")
            .ShouldBeEmpty();
    }

    [GeneratedRegex(@"\.IgnoreQueryFilters\((?<arguments>[^)]*)\)")]
    private static partial Regex Bypass();
}
