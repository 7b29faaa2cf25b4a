using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// 隐患 (docs/domain/dual-prevention.md#63-the-hidden-danger-record): a defect found. An inspection record with result
/// 存在隐患 opens one as a <see cref="HiddenDangerState.Draft"/> linked to the record, its measure and unit
/// (docs/domain/dual-prevention.md#55-completion-and-missed-windows), its source inherited from the task's inspection
/// type (docs/domain/dual-prevention.md#511-inspection-types).
/// </summary>
public sealed partial class HiddenDanger : RegisterRow
{
    public HiddenDangerState State { get; private set; }

    /// <summary>
    /// 隐患编号, the enterprise's ledger number (<c>&lt;short code&gt;-YH-&lt;year&gt;-&lt;0001&gt;</c>, ADR 0032): given by the
    /// database when the row is inserted, from a counter per enterprise and year of report, and never changed or reused.
    /// Null only on an entity not yet saved.
    /// </summary>
    public string Number { get; private set; } = null!;

    /// <summary>隐患名称, at most 300 characters.</summary>
    public string Name { get; private set; } = "";

    /// <summary>隐患描述 (required by the exchange).</summary>
    public string Description { get; private set; } = "";

    public HiddenDangerLevel Level { get; private set; }

    public InspectionSource Source { get; private set; }

    /// <summary>The inspection record that found it (exchange <c>checkRecordId</c>).</summary>
    public Guid? RecordId { get; private set; }

    /// <summary>The control measure found ineffective (exchange <c>riskMeasureId</c>).</summary>
    public Guid? MeasureId { get; private set; }

    public Guid? UnitId { get; private set; }

    /// <summary>UTC (exchange <c>registTime</c>).</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public Guid? ReportedByUserId { get; private set; }

    /// <summary>Exchange <c>registrant</c>.</summary>
    public string ReportedByName { get; private set; } = "";

    public HiddenDangerOrigin Origin { get; private set; } = HiddenDangerOrigin.InspectionRecord;

    /// <summary>Id of the regulator's inspection that found it (exchange <c>enforcementId</c>).</summary>
    public string? EnforcementId { get; private set; }

    public HiddenDangerCategory? Category { get; private set; }

    public ManagementClass? ManagementClass { get; private set; }

    public OccurrenceStage? OccurrenceStage { get; private set; }

    public AccountabilityCategory AccountabilityCategory { get; private set; }

    public RemediationType? RemediationType { get; private set; }

    /// <summary>Where the defect is (车间/部门/区域), free text.</summary>
    public string? Location { get; private set; }

    /// <summary>隐患原因分析 (exchange <c>dangerReason</c>).</summary>
    public string? CauseAnalysis { get; private set; }

    /// <summary>治理措施 (exchange <c>controlMeasures</c>), at most 1,000 characters.</summary>
    public string? RemediationMeasures { get; private set; }

    /// <summary>治理资金 in 万元 (10,000 CNY).</summary>
    public decimal? CostTenThousandYuan { get; private set; }

    /// <summary>The account of the 整改责任人 when known; imported ledgers may name someone without an account.</summary>
    public Guid? RectifierUserId { get; private set; }

    /// <summary>整改责任人 (exchange <c>liablePerson</c>).</summary>
    public string? RectifierName { get; private set; }

    /// <summary>治理期限, a local date: overdue from the next local day on (ADR 0003).</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>What the rectifier did (整改情况).</summary>
    public string? RectificationNote { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset? RectifiedAt { get; private set; }

    public Guid? AccepterUserId { get; private set; }

    /// <summary>验收人 (exchange <c>checkAcceptPerson</c>); never the rectifier.</summary>
    public string? AccepterName { get; private set; }

    /// <summary>UTC (exchange <c>checkAcceptTime</c>).</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>验收意见 (exchange <c>checkAcceptComment</c>).</summary>
    public string? AcceptanceComment { get; private set; }

    /// <summary>Times acceptance was refused (验收不通过).</summary>
    public int AcceptanceRejections { get; private set; }

    /// <summary>Why it was invalidated (作废).</summary>
    public string? InvalidationReason { get; private set; }

    /// <summary>UTC when it left the draft (registered).</summary>
    public DateTimeOffset? RegisteredAt { get; private set; }

    /// <summary>UTC when grade, type, deadline and rectifier were confirmed.</summary>
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Version of the criteria ticked, e.g. "2017" (安监总管三〔2017〕121号).</summary>
    public string? MajorCriteriaVersion { get; private set; }

    /// <summary>Numbers (1–20) of the major-hidden-danger criteria that apply; empty for general ones.</summary>
    public int[] MajorCriterionNos { get; private set; } = [];

    /// <summary>Free reason for grading major when no criterion fits.</summary>
    public string? MajorReason { get; private set; }

    /// <summary>UTC when a major one was closed out (销号).</summary>
    public DateTimeOffset? ClosedOutAt { get; private set; }

    public string? ClosedOutByName { get; private set; }

    /// <summary>The number a historical ledger gave it (序号/编号), the natural key of a re-import.</summary>
    public string? LedgerNo { get; private set; }

    /// <summary>PostgreSQL xmin, for optimistic concurrency: a step saved over a row someone changed since it was loaded is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>Whether it is overdue at <paramref name="today"/> (local date): open and past its deadline (docs/domain/dual-prevention.md#68-overdue).</summary>
    public bool IsOverdueOn(DateOnly today) => HiddenDangerStates.IsOverdue(State, Deadline, today);

    /// <summary>
    /// Starts a draft's name when the inspector wrote no note: the check content states the required condition, so
    /// a name made of it alone would read as its opposite. Stored in Chinese, the exchange's language.
    /// </summary>
    public const string NotMetPrefix = "未落实：";

    /// <summary>A draft opened by an inspection record, pre-filled from the task and the inspector's note (its first line names it).</summary>
    public static HiddenDanger DraftFromRecord(InspectionRecord record, InspectionTaskDefinition definition, DateTimeOffset now)
    {
        var draft = new HiddenDanger
        {
            State = HiddenDangerState.Draft,
            Name = Truncate(string.IsNullOrWhiteSpace(record.Note) ? NotMetPrefix + definition.Content : record.Note.Trim().Split('\n')[0].Trim(), 300),
            Description = record.Note ?? definition.Content,
            Level = HiddenDangerLevel.General,
            Source = definition.Source,
            RecordId = record.Id,
            MeasureId = record.MeasureId,
            UnitId = record.UnitId,
            ReportedAt = now,
            ReportedByUserId = record.CheckedByUserId,
            ReportedByName = record.CheckedByName,
        };
        draft.Own(Guid.CreateVersion7(), record.EnterpriseId, record.RegionCode, now);
        return draft;
    }

    /// <summary>Edits a draft's name, description and level.</summary>
    /// <exception cref="DomainRuleException">The hidden danger is no longer a draft.</exception>
    public void EditDraft(string name, string description, HiddenDangerLevel level, DateTimeOffset now)
    {
        if (State != HiddenDangerState.Draft)
        {
            throw new DomainRuleException(Localization.CoreText.Get("HiddenDanger.NotDraft"));
        }

        Name = name.Trim();
        Description = description.Trim();
        Level = level;
        UpdatedAt = now;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Historical ledger import (ADR 0008).</summary>
public sealed partial class HiddenDanger
{
    /// <summary>
    /// A hidden danger brought in from a historical ledger in the state the ledger states (origin
    /// <see cref="HiddenDangerOrigin.LedgerImport"/>, source <see cref="InspectionSource.Other"/>): found, registered and
    /// confirmed on <see cref="LedgerEntry.FoundOn"/>, accepted (and for a major one closed out) on the review date,
    /// else the deadline, else the day it was found. Local dates become their local midnight in UTC (ADR 0003).
    /// </summary>
    public static HiddenDanger FromLedger(LedgerEntry entry, Guid enterpriseId, string regionCode, Guid? importedByUserId, string importedByName, DateTimeOffset now)
    {
        var found = BusinessTime.FromLocal(entry.FoundOn.ToDateTime(TimeOnly.MinValue));
        var done = HiddenDangerStates.Rectified.Contains(entry.State);
        DateTimeOffset? acceptedAt = done ? BusinessTime.FromLocal((entry.AcceptedOn ?? entry.Deadline ?? entry.FoundOn).ToDateTime(TimeOnly.MinValue)) : null;
        var imported = new HiddenDanger
        {
            State = entry.State,
            Name = Truncate(entry.Name, 300),
            Description = entry.Description,
            Level = entry.Level,
            Source = InspectionSource.Other,
            Origin = HiddenDangerOrigin.LedgerImport,
            Category = entry.Category,
            RemediationType = entry.RemediationType,
            Location = entry.Location,
            RemediationMeasures = entry.RemediationMeasures,
            CauseAnalysis = entry.CauseAnalysis,
            CostTenThousandYuan = entry.CostTenThousandYuan,
            RectifierUserId = entry.RectifierUserId,
            RectifierName = entry.RectifierName,
            Deadline = entry.Deadline,
            RectifiedAt = done ? acceptedAt : null,
            AccepterUserId = done ? entry.AccepterUserId : null,
            AccepterName = done ? entry.AccepterName : null,
            AcceptedAt = acceptedAt,
            AcceptanceComment = done ? entry.AcceptanceComment : null,
            ReportedAt = found,
            ReportedByUserId = importedByUserId,
            ReportedByName = Truncate(importedByName, 100),
            RegisteredAt = found,
            ConfirmedAt = entry.State == HiddenDangerState.PendingConfirmation ? null : found,
            MajorReason = entry.Level == HiddenDangerLevel.Major ? "历史台账导入 (imported from a historical ledger)" : null,
            ClosedOutAt = entry.State == HiddenDangerState.ClosedOut ? acceptedAt : null,
            ClosedOutByName = entry.State == HiddenDangerState.ClosedOut ? entry.AccepterName : null,
            LedgerNo = entry.LedgerNo,
        };
        imported.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        return imported;
    }
}
