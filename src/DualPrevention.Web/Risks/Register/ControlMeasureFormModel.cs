using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;

namespace DualPrevention.Web.Risks.Register;

/// <summary>
/// What the measure form edits. The cycle is kept as the person writes it (周 and 季 included) and converted by
/// <see cref="CycleInput"/> only when the details are built.
/// </summary>
public sealed class ControlMeasureFormModel
{
    public string Description { get; set; } = "";

    public MeasureClassify1 Classify1 { get; set; } = MeasureClassify1.Engineering;

    public string Classify2 { get; set; } = "1-1";

    public string? Classify3 { get; set; }

    public ControlDataSource DataSource { get; set; } = ControlDataSource.ManualInspection;

    public string? InspectionContent { get; set; }

    public int CycleValue { get; set; } = 1;

    public CycleInputUnit CycleUnit { get; set; } = CycleInputUnit.Day;

    /// <summary>Local time of day, as the time picker gives it.</summary>
    public TimeSpan? WorkStart { get; set; }

    public TimeSpan? WorkEnd { get; set; }

    public WorkDayType WorkDayType { get; set; } = WorkDayType.EveryDay;

    public InspectionTaskType TaskType { get; set; } = InspectionTaskType.Routine;

    public short? AccountabilityItemNo { get; set; }

    public ControlLevel ControlLevel { get; set; } = ControlLevel.Workshop;

    public string? ResponsibleDepartment { get; set; }

    public string? ResponsiblePerson { get; set; }

    /// <summary>The highest 包保 item number of the chosen task type: 10 for 操作负责人, 9 otherwise (docs/domain/dual-prevention.md#51-task-definitions).</summary>
    public int MaxItemNo => TaskType == InspectionTaskType.OperationalResponsible ? 10 : 9;

    public static ControlMeasureFormModel From(ControlMeasureDetails d) => new()
    {
        Description = d.Description,
        Classify1 = d.Classify1,
        Classify2 = d.Classify2,
        Classify3 = d.Classify3,
        DataSource = d.DataSource,
        InspectionContent = d.InspectionContent,
        CycleValue = d.CycleValue,
        CycleUnit = CycleInput.FromStored(d.CycleUnit),
        WorkStart = d.WorkStartTime?.ToTimeSpan(),
        WorkEnd = d.WorkEndTime?.ToTimeSpan(),
        WorkDayType = d.WorkDayType,
        TaskType = d.TaskType,
        AccountabilityItemNo = d.AccountabilityItemNo,
        ControlLevel = d.ControlLevel,
        ResponsibleDepartment = d.ResponsibleDepartment,
        ResponsiblePerson = d.ResponsiblePerson,
    };

    /// <summary>Picks the first classify2 of a new classify1, so the pair never disagrees.</summary>
    public void ChangeClassify1(MeasureClassify1 classify1)
    {
        Classify1 = classify1;
        if (!MeasureClassification.Belongs(classify1, Classify2))
        {
            Classify2 = MeasureClassification.Classify2.Where(e => e.Value.Classify1 == classify1).Select(e => e.Key).Order(StringComparer.Ordinal).First();
        }
    }

    /// <summary>The details as stored: 周 → 7 天, 季 → 3 月.</summary>
    /// <exception cref="OverflowException">The converted cycle does not fit.</exception>
    public ControlMeasureDetails ToDetails()
    {
        var (value, unit) = CycleInput.ToStored(CycleValue, CycleUnit);
        return new ControlMeasureDetails(
            Description ?? "", Classify1, Classify2, Classify3, DataSource, InspectionContent, value, unit,
            WorkStart is { } start ? TimeOnly.FromTimeSpan(start) : null, WorkEnd is { } end ? TimeOnly.FromTimeSpan(end) : null,
            WorkDayType, TaskType, AccountabilityItemNo, ControlLevel, ResponsibleDepartment, ResponsiblePerson);
    }
}
