using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Core.Tests.Risks.Register;

public class MeasureClassificationTests
{
    private static readonly ControlMeasureDetails Valid = new(
        "安全阀定期校验", MeasureClassify1.Engineering, "1-3", null, ControlDataSource.ManualInspection, "安全阀是否在校验有效期内", 1, CycleUnit.Month,
        null, null, WorkDayType.EveryDay, InspectionTaskType.Routine, null, ControlLevel.Workshop, "设备部", "张三");

    [Theory]
    [InlineData(MeasureClassify1.Engineering, "1-5")]
    [InlineData(MeasureClassify1.Maintenance, "2-3")]
    [InlineData(MeasureClassify1.Operation, "3-4")]
    [InlineData(MeasureClassify1.Emergency, "4-5")]
    public void Every_classify1_has_its_own_classify2_codes(MeasureClassify1 classify1, string classify2) =>
        MeasureClassification.Belongs(classify1, classify2).ShouldBeTrue();

    [Theory]
    [InlineData(MeasureClassify1.Engineering, "2-1")]
    [InlineData(MeasureClassify1.Maintenance, "2-4")]
    [InlineData(MeasureClassify1.Emergency, "4-6")]
    [InlineData(MeasureClassify1.Operation, "")]
    public void A_classify2_code_of_another_classify1_or_unknown_does_not_belong(MeasureClassify1 classify1, string classify2) =>
        MeasureClassification.Belongs(classify1, classify2).ShouldBeFalse();

    [Fact]
    public void The_validator_names_classify2_when_it_lies_outside_classify1()
    {
        var result = new ControlMeasureDetailsValidator().Validate(Valid with { Classify2 = "4-2" });

        result.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe(nameof(ControlMeasureDetails.Classify2));
    }

    [Fact]
    public void A_consistent_measure_passes() => new ControlMeasureDetailsValidator().Validate(Valid).IsValid.ShouldBeTrue();

    [Fact]
    public void The_table_has_four_classes_and_seventeen_codes_each_prefixed_by_its_class()
    {
        MeasureClassification.Classify1Names.Count.ShouldBe(4);
        MeasureClassification.Classify2.Count.ShouldBe(17);
        MeasureClassification.Classify2.ShouldAllBe(entry => entry.Key.StartsWith($"{(int)entry.Value.Classify1}-", StringComparison.Ordinal));
    }
}
