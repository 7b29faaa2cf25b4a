using DualPrevention.Core.Alarms;
using DualPrevention.Core.VideoAlarms;

namespace DualPrevention.Core.Tests.VideoAlarms;

public class AlgorithmCodeTests
{
    [Fact]
    public void Every_category_maps_from_at_least_two_code_sets()
    {
        var unmapped = Enum.GetValues<VideoAlarmCategory>()
            .Select(c => (Category: c, Sets: AlgorithmCodes.CodeSets.Count(s => AlgorithmCodes.Of(s).Values.Contains(c))))
            .Where(c => c.Sets < 2)
            .ToList();

        unmapped.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(AlgorithmCodes.Hikvision, 10)]
    [InlineData(AlgorithmCodes.Dahua, 10)]
    public void Each_vendor_code_set_covers_the_common_plant_categories(string codeSet, int atLeast)
    {
        var covered = AlgorithmCodes.Of(codeSet).Values.Distinct().ToList();

        covered.Count.ShouldBeGreaterThanOrEqualTo(atLeast);
        covered.ShouldContain(VideoAlarmCategory.FireFlame);
        covered.ShouldContain(VideoAlarmCategory.PersonDown);
        covered.ShouldContain(VideoAlarmCategory.Intrusion);
    }

    [Theory]
    [InlineData(null, "Smoking", VideoAlarmCategory.Smoking)]
    [InlineData(null, " noHELMET ", VideoAlarmCategory.NoHelmet)]
    [InlineData(null, "卸油未放置灭火器", VideoAlarmCategory.UnloadNoExtinguisher)]
    [InlineData("hikvision", "FALLDOWN", VideoAlarmCategory.PersonDown)]
    [InlineData("Dahua", "SmokingDetect", VideoAlarmCategory.Smoking)]
    [InlineData("dahua", "PhoneCallDetect", VideoAlarmCategory.PhoneUse)]
    public void A_code_maps_in_its_set_ignoring_case_and_spaces(string? codeSet, string code, VideoAlarmCategory expected)
    {
        AlgorithmCodes.TryMap(codeSet, code, out var category).ShouldBeTrue();
        category.ShouldBe(expected);
    }

    [Theory]
    [InlineData(null, "VideoMotion")]
    [InlineData("hikvision", "SmokingDetect")]
    [InlineData("dahua", "fallDown")]
    [InlineData("axis", "Smoking")]
    public void A_code_outside_its_set_maps_onto_nothing(string? codeSet, string code) =>
        AlgorithmCodes.TryMap(codeSet, code, out _).ShouldBeFalse();

    [Fact]
    public void The_life_threatening_categories_are_critical_and_the_rest_are_not()
    {
        foreach (var category in Enum.GetValues<VideoAlarmCategory>())
        {
            var critical = VideoAlarmCategories.SeverityOf(category) == AlarmSeverity.Critical;
            critical.ShouldBe(AlarmCategories.LifeThreatening.Contains(VideoAlarmCategories.CodeOf(category)), category.ToString());
        }
    }

    [Fact]
    public void Every_category_code_fits_the_alarm_centre() =>
        Enum.GetValues<VideoAlarmCategory>().ShouldAllBe(c => VideoAlarmCategories.CodeOf(c).Length <= Alarm.CategoryLength);
}
