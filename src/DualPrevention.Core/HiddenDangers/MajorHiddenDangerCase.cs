using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// 重大隐患治理档案 (docs/domain/dual-prevention.md#73-the-case-file, docs/domain/dual-prevention.md#7-major-hidden-dangers):
/// what a major hidden danger needs beyond the ledger row — the reports to the regulator and the workers' congress
/// (安全生产法 Art. 41), the six-part remediation plan (docs/domain/dual-prevention.md#72-the-remediation-plan), interim
/// safeguards, and the bureau's posting (挂牌督办). Keyed by the hidden danger's id.
/// </summary>
public sealed class MajorHiddenDangerCase : ITenantOwned, IAudited
{
    public Guid HiddenDangerId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC; the bureau's list shows the case from this moment (set at registration).</summary>
    public DateTimeOffset? ReportedToRegulatorAt { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? ReportedToWorkersCongressAt { get; private set; }

    /// <summary>治理方案 1: 治理的目标和任务.</summary>
    public string? PlanObjectives { get; private set; }

    /// <summary>治理方案 2: 采取的方法和措施.</summary>
    public string? PlanMethods { get; private set; }

    /// <summary>治理方案 3: 经费和物资的落实.</summary>
    public string? PlanFundingAndMaterials { get; private set; }

    /// <summary>治理方案 4: 负责治理的机构和人员.</summary>
    public string? PlanResponsibleOrganisation { get; private set; }

    /// <summary>治理方案 5: 治理的时限和要求.</summary>
    public string? PlanTimeLimit { get; private set; }

    /// <summary>治理方案 6: 安全措施和应急预案.</summary>
    public string? PlanSafetyAndEmergencyMeasures { get; private set; }

    /// <summary>临时安全防范措施.</summary>
    public string? InterimSafeguards { get; private set; }

    /// <summary>Whether production is fully or partly stopped during remediation.</summary>
    public bool ProductionStopped { get; private set; }

    public PostingLevel? PostingLevel { get; private set; }

    /// <summary>挂牌单位.</summary>
    public string? PostingOrganisation { get; private set; }

    /// <summary>督办文号.</summary>
    public string? PostingNoticeNo { get; private set; }

    /// <summary>The posting's deadline, a local date.</summary>
    public DateOnly? PostingDeadline { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? PostedAt { get; private set; }

    public Guid? PostedByUserId { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Whether a bureau posted it; then only that bureau closes it out.</summary>
    public bool IsPosted => PostedAt is not null;

    /// <summary>Whether all six parts of the plan are filled in (docs/domain/dual-prevention.md#72-the-remediation-plan).</summary>
    public bool HasCompletePlan =>
        !string.IsNullOrWhiteSpace(PlanObjectives) && !string.IsNullOrWhiteSpace(PlanMethods)
        && !string.IsNullOrWhiteSpace(PlanFundingAndMaterials) && !string.IsNullOrWhiteSpace(PlanResponsibleOrganisation)
        && !string.IsNullOrWhiteSpace(PlanTimeLimit) && !string.IsNullOrWhiteSpace(PlanSafetyAndEmergencyMeasures);

    (Guid? EnterpriseId, string? RegionCode) IAudited.AuditOwner() => (EnterpriseId, RegionCode);

    /// <summary>Opens the case when a major hidden danger is registered: reported to the bureau at once.</summary>
    public static MajorHiddenDangerCase Open(HiddenDanger hiddenDanger, DateTimeOffset now) => new()
    {
        HiddenDangerId = hiddenDanger.Id,
        EnterpriseId = hiddenDanger.EnterpriseId,
        RegionCode = hiddenDanger.RegionCode,
        ReportedToRegulatorAt = now,
        UpdatedAt = now,
    };

    /// <summary>Saves the plan as far as it is written; <see cref="HasCompletePlan"/> says whether all six parts are there.</summary>
    public void SavePlan(RemediationPlan plan, DateTimeOffset now)
    {
        PlanObjectives = Blank(plan.Objectives);
        PlanMethods = Blank(plan.Methods);
        PlanFundingAndMaterials = Blank(plan.FundingAndMaterials);
        PlanResponsibleOrganisation = Blank(plan.ResponsibleOrganisation);
        PlanTimeLimit = Blank(plan.TimeLimit);
        PlanSafetyAndEmergencyMeasures = Blank(plan.SafetyAndEmergencyMeasures);
        InterimSafeguards = Blank(plan.InterimSafeguards);
        ProductionStopped = plan.ProductionStopped;
        UpdatedAt = now;
    }

    /// <summary>安全生产法 Art. 41: the major hidden danger was reported to the workers' congress.</summary>
    public void RecordWorkersCongressReport(DateTimeOffset now)
    {
        ReportedToWorkersCongressAt = now;
        UpdatedAt = now;
    }

    /// <summary>挂牌督办 (docs/domain/dual-prevention.md#74-posting); a case is posted once.</summary>
    /// <exception cref="DomainRuleException">Already posted.</exception>
    public void Post(Posting posting, Guid? byUserId, DateTimeOffset now)
    {
        if (IsPosted)
        {
            throw new DomainRuleException(Localization.CoreText.Get("HiddenDanger.AlreadyPosted"));
        }

        PostingLevel = posting.Level;
        PostingOrganisation = posting.Organisation.Trim();
        PostingNoticeNo = posting.NoticeNo.Trim();
        PostingDeadline = posting.Deadline;
        PostedAt = now;
        PostedByUserId = byUserId;
        UpdatedAt = now;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
