using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Imports;

public class HeaderTextTests
{
    [Theory]
    [InlineData("风险\n分析对象", RegisterColumn.ObjectName)]
    [InlineData(" 管 控 措 施 ", RegisterColumn.MeasureDescription)]
    [InlineData("Ｌ", RegisterColumn.Likelihood)]
    [InlineData("风险等级\u3000\u3000", RegisterColumn.Level)]
    [InlineData("*对象编码：", RegisterColumn.ObjectCode)]
    [InlineData("L（可能性）", RegisterColumn.Likelihood)]
    [InlineData("风险值\r\n(R)", RegisterColumn.Score)]
    [InlineData("隐患排查内容", RegisterColumn.InspectionContent)]
    [InlineData("包保任务对应项", RegisterColumn.AccountabilityItemNo)]
    [InlineData("应急联系电话", RegisterColumn.EmergencyPhone)]
    [InlineData("应急电话", RegisterColumn.EmergencyPhone)]
    [InlineData("应急措施", RegisterColumn.EmergencyMeasures)]
    [InlineData("应急处置措施", RegisterColumn.EmergencyMeasures)]
    public void Header_variants_map_to_their_field(string header, RegisterColumn field) =>
        RiskRegisterSynonyms.ByHeader[HeaderText.Normalize(header)].ShouldBe(field);

    [Fact]
    public void Every_header_of_the_platform_layout_is_recognised() =>
        RiskRegisterLayout.Columns.ShouldAllBe(c => RiskRegisterSynonyms.ByHeader[HeaderText.Normalize(c.Header)] == c.Field);

    [Fact]
    public void A_saved_profile_overrides_the_synonyms_and_a_correction_overrides_the_profile()
    {
        var lookup = new ColumnLookup(
            new Dictionary<string, string> { ["措施"] = "MeasureDescription", ["责任人"] = "" },
            new Dictionary<string, string> { ["措施"] = "InspectionContent" });

        lookup.Find("措施").ShouldBe(RegisterColumn.InspectionContent);
        lookup.Find("责任人").ShouldBeNull();
        lookup.Find("风险事件").ShouldBe(RegisterColumn.EventName);
    }

    [Fact]
    public void A_correction_naming_no_field_is_refused() =>
        Should.Throw<DomainRuleException>(() => new ColumnLookup(new Dictionary<string, string>(), new Dictionary<string, string> { ["x"] = "Nonsense" }));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Column_letters_count_as_Excel_does(int column, string letter) => CellReference.ColumnLetter(column).ShouldBe(letter);
}
