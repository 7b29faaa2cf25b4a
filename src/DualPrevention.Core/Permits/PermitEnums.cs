namespace DualPrevention.Core.Permits;

/// <summary>作业类型: the eight special operations of GB 30871-2022 §3 (docs/domain/special-operations.md#2-operation-types).</summary>
public enum SpecialOperationType
{
    /// <summary>动火作业 (§3.4).</summary>
    HotWork = 1,

    /// <summary>受限空间作业 (§3.5–3.6).</summary>
    ConfinedSpace = 2,

    /// <summary>盲板抽堵作业 (§3.7).</summary>
    BlindPlate = 3,

    /// <summary>高处作业 (§3.8).</summary>
    WorkAtHeight = 4,

    /// <summary>吊装作业 (§3.9).</summary>
    Lifting = 5,

    /// <summary>临时用电 (§3.10).</summary>
    TemporaryElectricity = 6,

    /// <summary>动土作业 (§3.11).</summary>
    Excavation = 7,

    /// <summary>断路作业 (§3.12).</summary>
    RoadBreak = 8,
}

/// <summary>动火作业级别 (docs/domain/special-operations.md#31-hot-work), most severe first.</summary>
public enum HotWorkGrade
{
    /// <summary>特级.</summary>
    Special = 1,

    /// <summary>一级.</summary>
    Level1 = 2,

    /// <summary>二级.</summary>
    Level2 = 3,
}

/// <summary>高处作业级别 I–IV (docs/domain/special-operations.md#33-work-at-height), stored as 1–4.</summary>
public enum HeightClass
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>吊装作业级别 by load mass (docs/domain/special-operations.md#34-lifting).</summary>
public enum LiftingGrade
{
    /// <summary>一级: over 100 t.</summary>
    Level1 = 1,

    /// <summary>二级: 40–100 t.</summary>
    Level2 = 2,

    /// <summary>三级: under 40 t.</summary>
    Level3 = 3,
}

/// <summary>作业票状态 (docs/domain/special-operations.md#12-permit-life-cycle; ADR 0045 adds <see cref="Voided"/>).</summary>
public enum WorkPermitStatus
{
    Draft = 1,
    Preparing = 2,
    InApproval = 3,
    Approved = 4,
    InProgress = 5,
    Suspended = 6,
    PendingAcceptance = 7,
    Closed = 8,
    Expired = 9,
    Revoked = 10,
    Cancelled = 11,

    /// <summary>作废: a signed permit corrected by a new one (§4.18: never altered), which it links to.</summary>
    Voided = 12,
}

/// <summary>作业负责人 / 作业人 / 监护人: the people a permit names (docs/glossary.md).</summary>
public enum PermitRole
{
    WorkLeader = 1,
    Worker = 2,
    Guardian = 3,
}

/// <summary>
/// The organisational functions that sign a permit (Table B.1 and the Appendix A signature blocks,
/// docs/domain/special-operations.md#4-approval); each tenant maps them to its posts.
/// </summary>
public enum PermitOrgRole
{
    /// <summary>作业负责人.</summary>
    WorkLeader = 1,

    /// <summary>吊装作业指挥.</summary>
    LiftingCommander = 2,

    /// <summary>所在基层单位 (the owning or power-using unit).</summary>
    Unit = 3,

    /// <summary>安全管理部门.</summary>
    SafetyDepartment = 4,

    /// <summary>审核部门.</summary>
    ReviewingDepartment = 5,

    /// <summary>会签部门 (water, power, steam, process, equipment, fire, safety).</summary>
    Countersigning = 6,

    /// <summary>消防、安全管理部门.</summary>
    FireAndSafetyDepartments = 7,

    /// <summary>所在单位专业部门.</summary>
    SpecialistDepartment = 8,

    /// <summary>配送电单位.</summary>
    PowerSupplier = 9,

    /// <summary>主管领导.</summary>
    LeaderInCharge = 10,

    /// <summary>主管厂长或总工程师.</summary>
    PlantManagerOrChiefEngineer = 11,

    /// <summary>岗位当班班长: checks a hot-work permit before ignition (Appendix A); not an approval step.</summary>
    ShiftLeader = 12,
}

/// <summary>What a transition did, as recorded in the permit's event log.</summary>
public enum WorkPermitAction
{
    Created = 1,
    Edited = 2,
    Submitted = 3,
    SentForApproval = 4,
    StepSigned = 5,
    Approved = 6,
    Rejected = 7,
    Started = 8,
    Suspended = 9,
    Resumed = 10,
    Finished = 11,
    Accepted = 12,
    Expired = 13,
    Revoked = 14,
    Cancelled = 15,
    Voided = 16,
    MeasureConfirmed = 17,
    BriefingRecorded = 18,
    GasTestRecorded = 19,
    ShiftLeaderChecked = 20,
}
