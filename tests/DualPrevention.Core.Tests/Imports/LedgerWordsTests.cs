using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;

namespace DualPrevention.Core.Tests.Imports;

public class LedgerWordsTests
{
    [Theory]
    [InlineData("2020-05-24")]
    [InlineData("2020/5/24")]
    [InlineData("2020.5.24")]
    [InlineData("2020年5月24日")]
    [InlineData("２０２０年５月２４日")]
    [InlineData("2020-05-24 14:30")]
    public void Dates_are_read_from_the_texts_ledgers_write(string text)
    {
        LedgerWords.Date(text).ShouldBe(new DateOnly(2020, 5, 24));
    }

    [Fact]
    public void Dates_are_read_from_date_cells_and_serial_numbers_and_nonsense_is_not_a_date()
    {
        LedgerWords.Date(new DateTime(2020, 5, 24, 0, 0, 0, DateTimeKind.Unspecified)).ShouldBe(new DateOnly(2020, 5, 24));
        LedgerWords.Date(43975d).ShouldBe(new DateOnly(2020, 5, 24));
        LedgerWords.Date("2020-13-45").ShouldBeNull();
        LedgerWords.Date("不详").ShouldBeNull();
    }

    [Theory]
    [InlineData("一般事故隐患", HiddenDangerLevel.General)]
    [InlineData("一般隐患", HiddenDangerLevel.General)]
    [InlineData("重大事故隐患", HiddenDangerLevel.Major)]
    [InlineData(" 重大 ", HiddenDangerLevel.Major)]
    public void Levels_are_read_from_the_standards_words(string text, HiddenDangerLevel level)
    {
        LedgerWords.Level(text).ShouldBe(level);
    }

    [Theory]
    [InlineData("关闭", LedgerWords.StateWord.Done)]
    [InlineData("已关闭", LedgerWords.StateWord.Done)]
    [InlineData("已验收", LedgerWords.StateWord.Done)]
    [InlineData("已整改", LedgerWords.StateWord.Done)]
    [InlineData("整改中", LedgerWords.StateWord.Rectifying)]
    [InlineData("待验收", LedgerWords.StateWord.PendingAcceptance)]
    [InlineData("作废", LedgerWords.StateWord.Invalidated)]
    public void States_are_read_from_the_words_ledgers_use(string text, LedgerWords.StateWord state)
    {
        LedgerWords.State(text).ShouldBe(state);
    }

    [Fact]
    public void Categories_accept_their_word_with_decoration_and_nothing_else()
    {
        LedgerWords.Category("电气类").ShouldBe(HiddenDangerCategory.Electrical);
        LedgerWords.Category("消防隐患").ShouldBe(HiddenDangerCategory.FireProtection);
        LedgerWords.Category("其它").ShouldBe(HiddenDangerCategory.Other);
        LedgerWords.Category("触电").ShouldBeNull();
        LedgerWords.Remediation("当场纠正").ShouldBe(RemediationType.FixOnSpot);
        LedgerWords.Remediation("限时整改").ShouldBe(RemediationType.FixByDeadline);
        LedgerWords.Remediation("隐患整改通知单").ShouldBeNull();
    }
}
