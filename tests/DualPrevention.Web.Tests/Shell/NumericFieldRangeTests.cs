using System.Text.RegularExpressions;

namespace DualPrevention.Web.Tests.Shell;

/// <summary>
/// Pages hold numbers to the ranges the server holds them to (ADR 0024): every numeric field of every component names
/// its Min and Max, so a user meets the range while typing rather than as a refusal after submitting.
/// </summary>
public partial class NumericFieldRangeTests
{
    [Fact]
    public void Every_numeric_field_has_a_min_and_a_max()
    {
        var fields = Directory.EnumerateFiles(Path.Combine(Repository.Root(), "src", "DualPrevention.Web"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => NumericField().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Tag: m.Value)))
            .ToList();

        fields.ShouldNotBeEmpty();
        fields.Where(f => !Bound("Min").IsMatch(f.Tag) || !Bound("Max").IsMatch(f.Tag))
            .Select(f => $"{f.File}: {f.Tag}").ShouldBeEmpty();
    }

    private static Regex Bound(string name) => new($"\\s{name}=\"[^\"]+\"");

    [GeneratedRegex("<MudNumericField\\b[^>]*>|<input\\b[^>]*type=\"number\"[^>]*>|<InputNumber\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex NumericField();
}
