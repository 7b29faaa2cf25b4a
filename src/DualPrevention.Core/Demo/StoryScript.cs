using DualPrevention.Core.HiddenDangers;

namespace DualPrevention.Core.Demo;

/// <summary>
/// How well an enterprise keeps its inspection windows: the share checked on time for windows starting by day
/// (06:00–22:00) and by night, and of the windows not checked on time the share checked late rather than never.
/// </summary>
internal sealed record StoryDiscipline(double OnTimeByDay, double OnTimeByNight, double LateShareOfFailures);

/// <summary>A demo enterprise's part in the story: its code, the seed of its random choices and its discipline.</summary>
internal sealed record StoryEnterprise(string Code, int Seed, StoryDiscipline Discipline);

/// <summary>Who first wrote a story hidden danger down.</summary>
internal enum StoryOrigin
{
    /// <summary>An inspector's record with result 存在隐患 opens a draft.</summary>
    Inspection = 0,

    /// <summary>A staff member reports it directly (随手拍).</summary>
    SelfReport = 1,

    /// <summary>The city bureau records it at its inspection (执法检查).</summary>
    Regulator = 2,
}

/// <summary>Where a story hidden danger stands today.</summary>
internal enum StoryEnding
{
    PendingConfirmation = 0,
    Invalidated = 1,
    FixedOnSpot = 2,
    Rectifying = 3,
    PendingAcceptance = 4,
    Accepted = 5,
    ClosedOut = 6,
}

/// <summary>
/// One hidden danger of the story, found on story day <see cref="Day"/> (0 = 60 days ago) at the first unit whose name
/// contains <see cref="Unit"/>. Later steps are counted in days after the finding: the deadline, the rectification
/// and the acceptance (验收); a major one names its 2017 criterion, gets its plan the next day and, when
/// <see cref="PostedAfter"/> is set, is posted (挂牌督办) by its city's bureau.
/// </summary>
internal sealed record StoryFinding(
    string Code,
    int Day,
    string Unit,
    string Name,
    HiddenDangerCategory Category,
    StoryEnding Ending,
    int DeadlineAfter = 0,
    int RectifiedAfter = 0,
    int AcceptedAfter = 0,
    bool RejectedOnce = false,
    StoryOrigin Origin = StoryOrigin.Inspection,
    int? MajorCriterion = null,
    int? PostedAfter = null)
{
    public bool IsMajor => MajorCriterion is not null;
}

/// <summary>
/// The demo story (README.md, "What the demo shows"): 60 days of inspections and hidden dangers in which demo-qd1 keeps
/// its tasks best, demo-qd2 is middling and demo-wf1 falls behind — more missed windows, more overdue hidden dangers,
/// an overdue major one, a general one 35 days overdue (the province's list) — so the regulators' rankings and lists
/// have something to say. One major hidden danger is posted by the Qingdao bureau, one is closed out; demo-qd1 stops
/// one unit for maintenance (停用检修) for a few days.
/// </summary>
internal static class StoryScript
{
    /// <summary>Days of history before today.</summary>
    public const int Days = 60;

    /// <summary>The Qingdao bureau's inspection that found demo-qd1's posted major hidden danger; its presence marks the story as told.</summary>
    public const string BureauInspectionId = "青应急执〔示范〕001号";

    /// <summary>The bureau posting demo-qd1's major hidden danger.</summary>
    public const string PostingOrganisation = "青岛市应急管理局";

    /// <summary>The posting's notice number (督办文号) in the year of posting.</summary>
    public static string PostingNoticeNo(int year) => $"青应急督〔{year}〕3号";

    public static readonly StoryEnterprise[] Enterprises =
    [
        new("demo-qd1", 20261, new StoryDiscipline(0.96, 0.92, 0.5)),
        new("demo-qd2", 20262, new StoryDiscipline(0.92, 0.86, 0.4)),
        new("demo-wf1", 20263, new StoryDiscipline(0.84, 0.64, 0.3)),
    ];

    /// <summary>
    /// The maintenance stop (停用检修, docs/domain/dual-prevention.md#56-deactivation-periods): the enterprise, the unit
    /// whose name contains <c>Unit</c>, the story day it is recorded, the days it starts (08:00) and ends (20:00), and
    /// why.
    /// </summary>
    public static readonly (string Code, string Unit, int RecordedOn, int From, int To, string Reason) Stop =
        ("demo-qd1", "循环氢压缩机", 20, 24, 28, "停车检修：更换循环氢压缩机K-102干气密封");

    public static readonly StoryFinding[] Findings =
    [
        new("demo-qd1", 6, "1#丙烯球罐", "1#丙烯球罐脱水包伴热线局部保温层破损", HiddenDangerCategory.Equipment, StoryEnding.Accepted, 7, 3, 4),
        new("demo-qd1", 11, "装置区检维修", "动火作业票气体分析超过30分钟未重新分析即开始动火", HiddenDangerCategory.Safety, StoryEnding.FixedOnSpot),
        new("demo-qd1", 17, "配电室", "配电室门口挡鼠板缺失", HiddenDangerCategory.Electrical, StoryEnding.Accepted, 5, 2, 2),
        new("demo-qd1", 25, "甲醇装卸栈台", "2号装车鹤位静电接地报警器指示灯不亮", HiddenDangerCategory.Electrical, StoryEnding.Accepted, 3, 5, 6),
        new("demo-qd1", 33, "加氢反应器", "加氢反应器出口安全阀铅封缺失", HiddenDangerCategory.Process, StoryEnding.Accepted, 10, 4, 5),
        new("demo-qd1", 38, "1#丙烯球罐", "液化烃球罐区紧急切断阀未实现远程关闭功能", HiddenDangerCategory.Instrumentation, StoryEnding.Rectifying, 45,
            Origin: StoryOrigin.Regulator, MajorCriterion: 5, PostedAfter: 4),
        new("demo-qd1", 44, "2#丙烯球罐", "2#丙烯球罐液位计根部阀轻微渗漏", HiddenDangerCategory.Equipment, StoryEnding.Accepted, 7, 3, 4),
        new("demo-qd1", 54, "装置区检维修", "受限空间作业监护人中途离开作业点", HiddenDangerCategory.Safety, StoryEnding.Rectifying, 14),
        new("demo-qd1", 57, "配电室", "配电室1号灭火器压力低于绿区", HiddenDangerCategory.FireProtection, StoryEnding.PendingAcceptance, 7, 1),
        new("demo-qd1", 59, "1#丙烯球罐", "球罐区巡检通道照明灯损坏两盏", HiddenDangerCategory.Safety, StoryEnding.PendingConfirmation),

        new("demo-qd2", 4, "甲醇装卸栈台", "一名装卸人员危险化学品作业证已过期", HiddenDangerCategory.Safety, StoryEnding.Accepted, 10, 6, 7),
        new("demo-qd2", 9, "1#丙烯球罐", "外操巡检记录连续两次漏填", HiddenDangerCategory.Safety, StoryEnding.FixedOnSpot),
        new("demo-qd2", 15, "2#丙烯球罐", "2#丙烯球罐注水泵无法启动，注水设施失效", HiddenDangerCategory.Equipment, StoryEnding.ClosedOut, 20, 15, 16,
            MajorCriterion: 6),
        new("demo-qd2", 22, "配电室", "低压配电柜前绝缘胶垫老化破损", HiddenDangerCategory.Electrical, StoryEnding.Accepted, 7, 9, 10),
        new("demo-qd2", 30, "装置区检维修", "临时用电线路未架空敷设", HiddenDangerCategory.Electrical, StoryEnding.Accepted, 5, 2, 3),
        new("demo-qd2", 41, "甲醇装卸栈台", "装卸栈台洗眼器出水压力不足", HiddenDangerCategory.Safety, StoryEnding.Rectifying, 10),
        new("demo-qd2", 52, "循环氢压缩机", "压缩机厂房事故风机皮带松动", HiddenDangerCategory.Equipment, StoryEnding.PendingAcceptance, 14, 4),
        new("demo-qd2", 58, "2#丙烯球罐", "球罐消防喷淋管线表面锈蚀", HiddenDangerCategory.FireProtection, StoryEnding.Invalidated),

        new("demo-wf1", 3, "加氢反应器", "SIS联锁旁路未履行审批手续", HiddenDangerCategory.Process, StoryEnding.Accepted, 7, 12, 14),
        new("demo-wf1", 8, "配电室", "倒闸操作票无监护人签字", HiddenDangerCategory.Electrical, StoryEnding.FixedOnSpot),
        new("demo-wf1", 12, "甲醇装卸栈台", "槽车静电接地夹损坏仍在使用", HiddenDangerCategory.Electrical, StoryEnding.Accepted, 3, 2, 9, RejectedOnce: true),
        new("demo-wf1", 19, "加氢反应器", "加氢反应器温度高高联锁被摘除后未恢复", HiddenDangerCategory.Process, StoryEnding.Rectifying, 31,
            Origin: StoryOrigin.SelfReport, MajorCriterion: 4),
        new("demo-wf1", 20, "1#丙烯球罐", "球罐区两台可燃气体检测器故障未修复", HiddenDangerCategory.Instrumentation, StoryEnding.Rectifying, 5),
        new("demo-wf1", 31, "装置区检维修", "高处作业人员未系安全带", HiddenDangerCategory.Safety, StoryEnding.Accepted, 2, 5, 6),
        new("demo-wf1", 37, "循环氢压缩机", "压缩机振动在线监测探头脱落", HiddenDangerCategory.Instrumentation, StoryEnding.PendingAcceptance, 7, 9),
        new("demo-wf1", 45, "2#丙烯球罐", "2#丙烯球罐液位计与DCS显示偏差超标", HiddenDangerCategory.Instrumentation, StoryEnding.Rectifying, 7),
        new("demo-wf1", 50, "配电室", "配电室应急照明灯不亮", HiddenDangerCategory.Electrical, StoryEnding.Rectifying, 5),
        new("demo-wf1", 56, "甲醇装卸栈台", "装车记录未填写静电接地确认", HiddenDangerCategory.Safety, StoryEnding.Accepted, 10, 1, 1),
    ];
}
