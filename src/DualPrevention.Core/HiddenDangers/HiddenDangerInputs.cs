using DualPrevention.Core.Inspections;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>Who acts on a hidden danger: the account (null for names without one) and the name written into the ledger.</summary>
public sealed record HiddenDangerPerson(Guid? UserId, string Name);

/// <summary>
/// Why a hidden danger is major (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria): numbers of the
/// criteria of <paramref name="Version"/> that apply, or a free reason when none fits; at least one of the two.
/// </summary>
public sealed record MajorGrading(IReadOnlyList<int>? CriterionNos, string? Reason, string? Version = MajorGrading.CurrentVersion)
{
    /// <summary>安监总管三〔2017〕121号, the criteria in force.</summary>
    public const string CurrentVersion = "2017";

    /// <summary>The ticked criterion numbers; none when a request leaves them out.</summary>
    public IReadOnlyList<int> CriterionNos { get; init; } = CriterionNos ?? [];

    /// <summary>The criteria's version; the one in force when a request leaves it out.</summary>
    public string Version { get; init; } = Version ?? CurrentVersion;

    public bool IsGiven => CriterionNos.Count > 0 || !string.IsNullOrWhiteSpace(Reason);
}

/// <summary>What a reporter writes down: name (≤ 300), description, grade, source, place, category.</summary>
public sealed record HiddenDangerReport(
    string Name, string Description, HiddenDangerLevel Level, InspectionSource Source, string? Location, HiddenDangerCategory? Category, MajorGrading? Grading);

/// <summary>
/// Confirmation (docs/domain/dual-prevention.md#64-life-cycle): grade, category, deadline (a local date, not in the
/// past) and the rectifier, plus the optional ledger fields. Cost in 万元.
/// </summary>
public sealed record HiddenDangerConfirmation(
    HiddenDangerLevel Level,
    HiddenDangerCategory Category,
    DateOnly Deadline,
    ManagementClass? ManagementClass,
    OccurrenceStage? OccurrenceStage,
    string? CauseAnalysis,
    string? RemediationMeasures,
    decimal? CostTenThousandYuan,
    MajorGrading? Grading);

/// <summary>The six parts of a major hidden danger's 治理方案 (docs/domain/dual-prevention.md#72-the-remediation-plan), interim safeguards and whether production stopped.</summary>
public sealed record RemediationPlan(
    string? Objectives,
    string? Methods,
    string? FundingAndMaterials,
    string? ResponsibleOrganisation,
    string? TimeLimit,
    string? SafetyAndEmergencyMeasures,
    string? InterimSafeguards,
    bool ProductionStopped);

/// <summary>挂牌督办 (docs/domain/dual-prevention.md#74-posting): level, posting organisation, notice number and the posting's deadline (local date).</summary>
public sealed record Posting(PostingLevel Level, string Organisation, string NoticeNo, DateOnly Deadline);
