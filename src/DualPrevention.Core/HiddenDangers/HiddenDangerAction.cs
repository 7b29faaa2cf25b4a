namespace DualPrevention.Core.HiddenDangers;

/// <summary>What a user may do to a hidden danger (docs/domain/dual-prevention.md#64-life-cycle, docs/domain/dual-prevention.md#7-major-hidden-dangers); the detail page offers exactly the allowed ones.</summary>
public enum HiddenDangerAction
{
    /// <summary>登记: a draft becomes pending confirmation.</summary>
    Register = 1,

    /// <summary>确认: grade, category, deadline and rectifier; the item goes into rectification.</summary>
    Confirm = 2,

    /// <summary>作废: judged not to be a hidden danger.</summary>
    Invalidate = 3,

    /// <summary>提交整改: the rectifier reports the work done, with after-photos.</summary>
    SubmitRectification = 4,

    /// <summary>验收通过</summary>
    Accept = 5,

    /// <summary>验收不通过: back to rectification.</summary>
    RejectAcceptance = 6,

    /// <summary>申请延期</summary>
    RequestExtension = 7,

    /// <summary>审批延期</summary>
    DecideExtension = 8,

    /// <summary>即查即改: registered and accepted in one step.</summary>
    FixOnSpot = 9,

    /// <summary>治理方案 of a major hidden danger (docs/domain/dual-prevention.md#72-the-remediation-plan).</summary>
    SaveRemediationPlan = 10,

    /// <summary>向职代会报告 (安全生产法 Art. 41).</summary>
    RecordWorkersCongressReport = 11,

    /// <summary>挂牌督办 by a bureau (docs/domain/dual-prevention.md#74-posting).</summary>
    Post = 12,

    /// <summary>销号 of an accepted major hidden danger.</summary>
    CloseOut = 13,

    /// <summary>Add a photo (before or after rectification).</summary>
    AddPhoto = 14,
}
