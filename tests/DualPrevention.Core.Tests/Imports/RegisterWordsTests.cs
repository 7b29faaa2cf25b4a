using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Tests.Imports;

public class RegisterWordsTests
{
    [Theory]
    [InlineData("周", CycleUnit.Day, 7)]
    [InlineData("季", CycleUnit.Month, 3)]
    [InlineData("季度", CycleUnit.Month, 3)]
    [InlineData("小时", CycleUnit.Hour, 1)]
    [InlineData("天", CycleUnit.Day, 1)]
    [InlineData("月", CycleUnit.Month, 1)]
    [InlineData("年", CycleUnit.Year, 1)]
    [InlineData("半年", CycleUnit.Month, 6)]
    public void Cycle_units_travel_as_the_exchange_units(string word, CycleUnit unit, int factor) =>
        RegisterWords.CycleUnitOf(word).ShouldBe((unit, factor));

    [Fact]
    public void A_cycle_written_in_one_cell_reads_as_value_and_unit()
    {
        RegisterWords.CombinedCycle("2周").ShouldBe((2, CycleUnit.Day, 7));
        RegisterWords.CombinedCycle("每季度").ShouldBe((1, CycleUnit.Month, 3));
        RegisterWords.CombinedCycle("2").ShouldBeNull();
    }

    [Theory]
    [InlineData("工艺控制", MeasureClassify1.Engineering, "1-1")]
    [InlineData("1-4", MeasureClassify1.Engineering, "1-4")]
    [InlineData("２－１", MeasureClassify1.Maintenance, "2-1")]
    [InlineData("其他", MeasureClassify1.Emergency, "4-5")]
    [InlineData("消防设施", MeasureClassify1.Engineering, null)]
    public void Measure_classes_read_by_name_under_their_first_level_or_by_code(string text, MeasureClassify1 classify1, string? code) =>
        RegisterWords.Classify2(text, classify1).ShouldBe(code);

    [Theory]
    [InlineData("公司级", ControlLevel.Company)]
    [InlineData("车间", ControlLevel.Workshop)]
    [InlineData("班组级", ControlLevel.Team)]
    [InlineData("岗位", ControlLevel.Post)]
    public void Control_levels_read_with_or_without_级(string word, ControlLevel level) => RegisterWords.ControlLevelOf(word).ShouldBe(level);

    [Theory]
    [InlineData("较大风险", RiskLevel.Significant)]
    [InlineData("重大", RiskLevel.Major)]
    [InlineData("蓝色", RiskLevel.Low)]
    public void Stated_levels_read_in_the_usual_words(string word, RiskLevel level) => RegisterWords.Level(word).ShouldBe(level);

    [Theory]
    [InlineData("技术负责人任务", InspectionTaskType.TechnicalResponsible)]
    [InlineData("日常任务", InspectionTaskType.Routine)]
    [InlineData("操作负责人", InspectionTaskType.OperationalResponsible)]
    public void Task_types_read_as_the_exchange_codes(string word, InspectionTaskType type) => RegisterWords.TaskType(word).ShouldBe(type);

    [Theory]
    [InlineData("液化烃球罐区（一级重大危险源）", "X-1", RiskObjectType.MajorHazardSource)]
    [InlineData("甲醇罐区", "370211002", RiskObjectType.MajorHazardSource)]
    [InlineData("加氢反应装置", "NONMHS-001", RiskObjectType.ProductionUnit)]
    [InlineData("成品仓库（非重大危险源）", "NONMHS-003", RiskObjectType.StorageFacility)]
    [InlineData("公用工程", "NONMHS-002", RiskObjectType.Other)]
    public void An_objects_type_follows_from_its_name_and_code(string name, string code, RiskObjectType type) =>
        ObjectTypeRule.Infer(name, code).ShouldBe(type);
}
