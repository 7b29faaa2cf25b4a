namespace DualPrevention.Core.Risks.Grading;

/// <summary>
/// The direct-judgement (直接判定) situations the register can evaluate (docs/domain/direct-judgement.md#3-what-the-platform-evaluates).
/// The other situations of the sources need facts the platform does not hold and are named there as not evaluable.
/// </summary>
public enum DirectJudgementCondition
{
    /// <summary>The event's object is linked to a level-1 or level-2 major hazard source (GB 18218-2018 §4.2.3).</summary>
    HoldsLevel1Or2MajorHazardSource = 1,

    /// <summary>The event's object is linked to a major hazard source of any level (DB37/T 2882's 涉及重大危险源).</summary>
    HoldsMajorHazardSource = 2,
}
