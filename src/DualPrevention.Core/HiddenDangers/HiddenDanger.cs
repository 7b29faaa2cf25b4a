using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// 隐患 (spec §5.9): a defect found. An inspection record with result 存在隐患 opens one as a
/// <see cref="HiddenDangerState.Draft"/> linked to the record, its measure and unit (spec §10 rule 5), its source
/// inherited from the task's inspection type (spec §9).
/// </summary>
public sealed class HiddenDanger : RegisterRow
{
    public HiddenDangerState State { get; private set; }

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

    /// <summary>A draft opened by an inspection record, pre-filled from the task and the inspector's note.</summary>
    public static HiddenDanger DraftFromRecord(InspectionRecord record, InspectionTaskDefinition definition, DateTimeOffset now)
    {
        var draft = new HiddenDanger
        {
            State = HiddenDangerState.Draft,
            Name = Truncate(definition.Content, 300),
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
