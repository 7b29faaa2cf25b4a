using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Risks.Register;

public class CycleInputTests
{
    [Theory]
    [InlineData(4, CycleInputUnit.Hour, 4, CycleUnit.Hour)]
    [InlineData(1, CycleInputUnit.Day, 1, CycleUnit.Day)]
    [InlineData(1, CycleInputUnit.Week, 7, CycleUnit.Day)]
    [InlineData(2, CycleInputUnit.Week, 14, CycleUnit.Day)]
    [InlineData(1, CycleInputUnit.Month, 1, CycleUnit.Month)]
    [InlineData(1, CycleInputUnit.Quarter, 3, CycleUnit.Month)]
    [InlineData(2, CycleInputUnit.Quarter, 6, CycleUnit.Month)]
    [InlineData(1, CycleInputUnit.Year, 1, CycleUnit.Year)]
    public void Weeks_are_stored_as_seven_days_and_quarters_as_three_months(int value, CycleInputUnit unit, int storedValue, CycleUnit storedUnit) =>
        CycleInput.ToStored(value, unit).ShouldBe((storedValue, storedUnit));

    [Theory]
    [InlineData("小时", CycleInputUnit.Hour)]
    [InlineData("天", CycleInputUnit.Day)]
    [InlineData(" 周 ", CycleInputUnit.Week)]
    [InlineData("月", CycleInputUnit.Month)]
    [InlineData("季", CycleInputUnit.Quarter)]
    [InlineData("季度", CycleInputUnit.Quarter)]
    [InlineData("年", CycleInputUnit.Year)]
    public void Workbook_unit_words_are_read(string word, CycleInputUnit expected)
    {
        CycleInput.TryParseUnit(word, out var unit).ShouldBeTrue();
        unit.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("旬")]
    public void Unknown_unit_words_are_not_guessed(string? word) => CycleInput.TryParseUnit(word, out _).ShouldBeFalse();

    [Fact]
    public void A_stored_unit_is_shown_as_it_is_stored() => CycleInput.FromStored(CycleUnit.Day).ShouldBe(CycleInputUnit.Day);
}
