using DualPrevention.Core.Regions;

namespace DualPrevention.Core.Tests.Regions;

public class RegionCodesTests
{
    [Theory]
    [InlineData("370000", "37", RegionLevel.Province)]
    [InlineData("370200", "3702", RegionLevel.City)]
    [InlineData("370211", "370211", RegionLevel.County)]
    [InlineData("370772", "370772", RegionLevel.County)]
    public void The_prefix_and_level_follow_the_shape_of_the_code(string code, string prefix, RegionLevel level)
    {
        RegionCodes.Prefix(code).ShouldBe(prefix);
        RegionCodes.LevelOf(code).ShouldBe(level);
    }

    [Fact]
    public void A_county_lies_in_its_city() => RegionCodes.CityOf("370211").ShouldBe("370200");

    [Theory]
    [InlineData("37020")]
    [InlineData("37020A")]
    [InlineData("")]
    public void Malformed_codes_are_refused(string code) => Should.Throw<ArgumentException>(() => RegionCodes.Prefix(code));

    [Fact]
    public void The_embedded_Shandong_list_has_the_province_16_cities_and_their_counties()
    {
        var regions = SeedRegions.ReadShandong();

        regions.Count(r => r.Level == RegionLevel.Province).ShouldBe(1);
        regions.Count(r => r.Level == RegionLevel.City).ShouldBe(16);
        regions.Count(r => r.Level == RegionLevel.County).ShouldBe(151);
        regions.ShouldNotContain(r => r.Code.StartsWith("3712", StringComparison.Ordinal), "莱芜 merged into 济南 in 2019");
        regions.Where(r => r.Level == RegionLevel.County).ShouldAllBe(r => r.ParentCode == RegionCodes.CityOf(r.Code) || r.ParentCode!.EndsWith("00", StringComparison.Ordinal));
    }
}
