namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>
/// The 包保 task list each person of a major hazard source checks (docs/domain/dual-prevention.md#510-accountability-tasks):
/// the operational person's ten items as a Shandong enterprise uses them, the principal's and the technical person's
/// duties in D5's own words (articles 4 and 5) standing in for MEM's numbered items until they are obtained, with the
/// frequencies of ADR 0031.
/// </summary>
public static class AccountabilityTaskList
{
    /// <summary>One item: the role that checks it, its number in the role's list, what to check and how often.</summary>
    public sealed record Item(InspectionTaskType Role, short No, string Content, int CycleValue, CycleUnit CycleUnit, MeasureClassify1 Classify1, string Classify2)
    {
        /// <summary>The measure's description, its natural key among the anchor event's measures: role and item number.</summary>
        public string Description => $"{RoleTitle(Role)}包保任务第{No}项";
    }

    /// <summary>Principal and technical person: at least once a quarter (D5 for the technical person, ADR 0031 for the principal).</summary>
    private const int Quarter = 3;

    /// <summary>Operational person: at least once a week (ADR 0031).</summary>
    private const int Week = 7;

    public static readonly IReadOnlyList<Item> Items =
    [
        // D5 article 4 (1)–(7) and article 5 (1)–(5), word for word (docs/domain/sources-dual-prevention.md, S44).
        Principal(1, "组织建立重大危险源安全包保责任制并指定对重大危险源负有安全包保责任的技术负责人、操作负责人"),
        Principal(2, "组织制定重大危险源安全生产规章制度和操作规程，并采取有效措施保证其得到执行"),
        Principal(3, "组织对重大危险源的管理和操作岗位人员进行安全技能培训"),
        Principal(4, "保证重大危险源安全生产所必需的安全投入"),
        Principal(5, "督促、检查重大危险源安全生产工作"),
        Principal(6, "组织制定并实施重大危险源生产安全事故应急救援预案"),
        Principal(7, "组织通过危险化学品登记信息管理系统填报重大危险源有关信息，保证重大危险源安全监测监控有关数据接入危险化学品安全生产风险监测预警系统"),
        Technical(1, "组织实施重大危险源安全监测监控体系建设，完善控制措施，保证安全监测监控系统符合国家标准或者行业标准的规定", MeasureClassify1.Engineering, "1-4"),
        Technical(2, "组织定期对安全设施和监测监控系统进行检测、检验，并进行经常性维护、保养，保证有效、可靠运行", MeasureClassify1.Maintenance, "2-3"),
        Technical(3, "对于超过个人和社会可容许风险值限值标准的重大危险源，组织采取相应的降低风险措施，直至风险满足可容许风险标准要求", MeasureClassify1.Engineering, "1-1"),
        Technical(4, "组织审查涉及重大危险源的外来施工单位及人员的相关资质、安全管理等情况，审查涉及重大危险源的变更管理", MeasureClassify1.Operation, "3-1"),
        Technical(5, "每季度至少组织对重大危险源进行一次针对性安全风险隐患排查，重大活动、重点时段和节假日前必须进行重大危险源安全风险隐患排查，制定管控措施和治理方案并监督落实", MeasureClassify1.Operation, "3-4"),
        // Article 5 (6) as S7 quoted it; the text read for S44 stopped before it.
        Technical(6, "组织演练重大危险源专项应急预案和现场处置方案", MeasureClassify1.Emergency, "4-4"),
        Operational(1, "操作人员严格执行重大危险源安全生产规章制度、操作规程和劳动纪律", MeasureClassify1.Operation, "3-4"),
        Operational(2, "涉及重大危险源的特殊作业、检维修作业办理作业票证、监护人在场，无违章作业，作业风险受控", MeasureClassify1.Operation, "3-4"),
        Operational(3, "重大危险源事故隐患及时整改，设备设施不带病运行", MeasureClassify1.Maintenance, "2-3"),
        Operational(4, "在重大危险源区域作业的承包商无违章行为", MeasureClassify1.Operation, "3-1"),
        Operational(5, "动设备、静设备、控制系统和安全设施完好", MeasureClassify1.Maintenance, "2-1"),
        Operational(6, "应急救援器材、消防设施完好", MeasureClassify1.Emergency, "4-3"),
        Operational(7, "视频监控运行正常，覆盖重大危险源区域", MeasureClassify1.Engineering, "1-5"),
        Operational(8, "可燃有毒气体报警和火灾报警正常，报警及时处置", MeasureClassify1.Engineering, "1-4"),
        Operational(9, "安全生产风险监测预警系统运行正常，预警信息及时处置", MeasureClassify1.Engineering, "1-5"),
        Operational(10, "现场巡检人员熟悉工艺，使用移动终端巡检并闭环处置", MeasureClassify1.Operation, "3-2"),
    ];

    /// <summary>The list of one role, by item number.</summary>
    public static IEnumerable<Item> Of(InspectionTaskType role) => Items.Where(i => i.Role == role);

    /// <summary>主要负责人, 技术负责人, 操作负责人: the role's title as the measure's description names it.</summary>
    public static string RoleTitle(InspectionTaskType role) => role switch
    {
        InspectionTaskType.PrincipalResponsible => "主要负责人",
        InspectionTaskType.TechnicalResponsible => "技术负责人",
        InspectionTaskType.OperationalResponsible => "操作负责人",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a 包保 role."),
    };

    private static Item Principal(short no, string content) =>
        new(InspectionTaskType.PrincipalResponsible, no, content, Quarter, CycleUnit.Month, MeasureClassify1.Operation, "3-4");

    private static Item Technical(short no, string content, MeasureClassify1 classify1, string classify2) =>
        new(InspectionTaskType.TechnicalResponsible, no, content, Quarter, CycleUnit.Month, classify1, classify2);

    private static Item Operational(short no, string content, MeasureClassify1 classify1, string classify2) =>
        new(InspectionTaskType.OperationalResponsible, no, content, Week, CycleUnit.Day, classify1, classify2);
}
