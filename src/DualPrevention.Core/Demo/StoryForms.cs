using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;

namespace DualPrevention.Core.Demo;

/// <summary>What the story's people write into the hidden-danger forms: the report, the confirmation, a major one's plan.</summary>
internal static class StoryForms
{
    public static DateOnly Deadline(StoryFinding finding, DateOnly firstDay) => firstDay.AddDays(finding.Day + finding.DeadlineAfter);

    public static HiddenDangerReport Report(StoryFinding finding, InspectionSource source) =>
        new(finding.Name, finding.Name, Level(finding), source, finding.Unit, finding.Category, Grading(finding));

    /// <summary>A major one names its criterion of the 2017 criteria (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria).</summary>
    public static MajorGrading? Grading(StoryFinding finding) =>
        finding.MajorCriterion is { } no ? new MajorGrading([no], null, SeedMajorHiddenDangerCriteria.Version2017) : null;

    /// <summary>Confirmation by deadline; defects of behaviour (安全) are unsafe acts in operation, the rest unsafe conditions found in maintenance.</summary>
    public static HiddenDangerConfirmation Confirmation(StoryFinding finding, DateOnly firstDay)
    {
        var byPeople = finding.Category == HiddenDangerCategory.Safety;
        return new HiddenDangerConfirmation(
            Level(finding),
            finding.Category,
            Deadline(finding, firstDay),
            byPeople ? ManagementClass.UnsafeAct : ManagementClass.UnsafeCondition,
            byPeople ? OccurrenceStage.Operation : OccurrenceStage.Maintenance,
            null,
            finding.IsMajor ? "制定专项治理方案，落实资金和责任人，治理期间采取临时安全措施" : "限期整改，整改完成后由安全环保部复查",
            finding.IsMajor ? 35m : 0.2m,
            null);
    }

    /// <summary>The six parts of docs/domain/dual-prevention.md#72-the-remediation-plan, complete, with interim safeguards.</summary>
    public static RemediationPlan Plan(StoryFinding finding) => new(
        $"消除重大事故隐患：{finding.Name}",
        "委托有资质单位设计改造方案，停用相关设施后实施改造并组织专项验收",
        "治理资金35万元已列入本年度安全生产费用，备品备件已到货",
        "生产技术部牵头，设备部、仪表车间配合，主要负责人督导",
        "按确认的治理期限完成，每周向安全环保部报告进度",
        "改造期间降低储存量、加强巡检，编制专项应急预案并组织演练",
        "增设临时监护岗位，每2小时巡检一次",
        ProductionStopped: false);

    private static HiddenDangerLevel Level(StoryFinding finding) => finding.IsMajor ? HiddenDangerLevel.Major : HiddenDangerLevel.General;
}
