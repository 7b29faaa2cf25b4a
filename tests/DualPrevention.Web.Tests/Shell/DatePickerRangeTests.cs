using System.Text.RegularExpressions;
using DualPrevention.Web.Shell;

namespace DualPrevention.Web.Tests.Shell;

/// <summary>
/// Pages cannot send a date outside the world (ADR 0016): every date picker offers only days from
/// <see cref="Core.WorldDates.First"/> to <see cref="Core.WorldDates.Last"/>, so a user meets the range in the calendar,
/// not as a refusal after submitting.
/// </summary>
public partial class DatePickerRangeTests
{
    [Fact]
    public void Every_date_picker_is_bounded_by_the_world()
    {
        var pickers = Directory.EnumerateFiles(Path.Combine(Repository.Root(), "src", "DualPrevention.Web"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => Picker().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Tag: m.Value)))
            .ToList();

        pickers.ShouldNotBeEmpty();
        pickers.Where(p => !p.Tag.Contains("MinDate=\"WorldDatePickers.Min\"", StringComparison.Ordinal) || !p.Tag.Contains("MaxDate=\"WorldDatePickers.Max\"", StringComparison.Ordinal))
            .Select(p => p.File).ShouldBeEmpty();
        WorldDatePickers.Min.ShouldBe(new DateTime(2000, 1, 1));
        WorldDatePickers.Max.ShouldBe(new DateTime(2100, 12, 31));
    }

    [GeneratedRegex("<MudDate(Range)?Picker\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Picker();
}
