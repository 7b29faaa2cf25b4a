namespace DualPrevention.Core.ToDos;

/// <summary>What a person has to do, in the order of the inspection-to-remediation loop (docs/domain/dual-prevention.md#64-life-cycle).</summary>
public enum ToDoKind
{
    /// <summary>Checks due today: windows open now or starting later today.</summary>
    ChecksDue = 1,

    /// <summary>Checks overdue: windows ended in the last 24 hours without a record.</summary>
    ChecksOverdue = 2,

    /// <summary>Drafts from 存在隐患 the person reported and has not submitted (我的草稿).</summary>
    Drafts = 3,

    /// <summary>Hidden dangers pending confirmation (待确认), for the enterprise's administrators and safety officers.</summary>
    ToConfirm = 4,

    /// <summary>Hidden dangers the person is the rectifier of (待整改).</summary>
    ToRectify = 5,

    /// <summary>Rectifications pending acceptance that the person may judge (待验收).</summary>
    ToAccept = 6,

    /// <summary>Deadline extension requests the person decides (延期申请).</summary>
    ExtensionsToDecide = 7,

    /// <summary>Posted (挂牌督办) major hidden dangers still open: the enterprise's, or those a bureau supervises.</summary>
    Supervised = 8,
}
