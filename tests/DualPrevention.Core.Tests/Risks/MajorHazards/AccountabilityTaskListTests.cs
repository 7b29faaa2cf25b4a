using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;

namespace DualPrevention.Core.Tests.Risks.MajorHazards;

/// <summary>
/// The principal's and the technical person's 包保 items are the duties of D5's articles 4 and 5 as published
/// (docs/domain/dual-prevention.md#510-accountability-tasks), each checked as often as the text says.
/// </summary>
public class AccountabilityTaskListTests
{
    /// <summary>D5 article 4 (1)–(7), the principal's duties, as published (S44).</summary>
    private static readonly string[] Article4 =
    [
        "组织建立重大危险源安全包保责任制并指定对重大危险源负有安全包保责任的技术负责人、操作负责人",
        "组织制定重大危险源安全生产规章制度和操作规程，并采取有效措施保证其得到执行",
        "组织对重大危险源的管理和操作岗位人员进行安全技能培训",
        "保证重大危险源安全生产所必需的安全投入",
        "督促、检查重大危险源安全生产工作",
        "组织制定并实施重大危险源生产安全事故应急救援预案",
        "组织通过危险化学品登记信息管理系统填报重大危险源有关信息，保证重大危险源安全监测监控有关数据接入危险化学品安全生产风险监测预警系统",
    ];

    /// <summary>D5 article 5 (1)–(5), the technical person's duties, as published (S44); (6) was not read.</summary>
    private static readonly string[] Article5 =
    [
        "组织实施重大危险源安全监测监控体系建设，完善控制措施，保证安全监测监控系统符合国家标准或者行业标准的规定",
        "组织定期对安全设施和监测监控系统进行检测、检验，并进行经常性维护、保养，保证有效、可靠运行",
        "对于超过个人和社会可容许风险值限值标准的重大危险源，组织采取相应的降低风险措施，直至风险满足可容许风险标准要求",
        "组织审查涉及重大危险源的外来施工单位及人员的相关资质、安全管理等情况，审查涉及重大危险源的变更管理",
        "每季度至少组织对重大危险源进行一次针对性安全风险隐患排查，重大活动、重点时段和节假日前必须进行重大危险源安全风险隐患排查，制定管控措施和治理方案并监督落实",
    ];

    [Fact]
    public void The_principals_items_are_article_4s_duties_in_its_order()
    {
        AccountabilityTaskList.Of(InspectionTaskType.PrincipalResponsible).Select(i => i.Content).ShouldBe(Article4);
    }

    [Fact]
    public void The_technical_persons_first_five_items_are_article_5s_duties_in_its_order()
    {
        AccountabilityTaskList.Of(InspectionTaskType.TechnicalResponsible).Take(Article5.Length).Select(i => i.Content).ShouldBe(Article5);
    }

    [Fact]
    public void The_technical_person_checks_at_least_once_a_quarter_as_article_5_item_5_says()
    {
        AccountabilityTaskList.Of(InspectionTaskType.TechnicalResponsible)
            .ShouldAllBe(i => i.CycleUnit == CycleUnit.Month && i.CycleValue == 3);
    }
}
