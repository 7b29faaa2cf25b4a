namespace DualPrevention.Core.Risks.Register;

/// <summary>
/// 管控措施 (docs/domain/dual-prevention.md#35-control-measure) with what its inspection needs
/// (docs/domain/dual-prevention.md#51-task-definitions): content, cycle, work hours, work days, task type. Measures
/// checked by people (<see cref="ControlDataSource.ManualInspection"/>) become inspection tasks.
/// </summary>
public sealed class ControlMeasure : RegisterRow
{
    public Guid EventId { get; private set; }

    /// <summary>Unique among the event's measures; part of the natural key.</summary>
    public string Description { get; private set; } = "";

    public MeasureClassify1 Classify1 { get; private set; }

    /// <summary>"x-y" code of <see cref="MeasureClassification.Classify2"/>; its x is <see cref="Classify1"/>.</summary>
    public string Classify2 { get; private set; } = "";

    /// <summary>Enterprise-defined third level, free text.</summary>
    public string? Classify3 { get; private set; }

    public ControlDataSource DataSource { get; private set; }

    /// <summary>隐患排查内容.</summary>
    public string? InspectionContent { get; private set; }

    /// <summary>Cycle length in <see cref="CycleUnit"/>s (&gt; 0).</summary>
    public int CycleValue { get; private set; }

    public CycleUnit CycleUnit { get; private set; }

    /// <summary>Local start of work hours; only for hourly cycles.</summary>
    public TimeOnly? WorkStartTime { get; private set; }

    /// <summary>Local end of work hours; only for hourly cycles.</summary>
    public TimeOnly? WorkEndTime { get; private set; }

    public WorkDayType WorkDayType { get; private set; }

    public InspectionTaskType TaskType { get; private set; }

    /// <summary>包保任务对应项: 1–9 (principal, technical) or 1–10 (operational) when <see cref="TaskType"/> is not routine.</summary>
    public short? AccountabilityItemNo { get; private set; }

    public ControlLevel ControlLevel { get; private set; }

    public string? ResponsibleDepartment { get; private set; }

    public string? ResponsiblePerson { get; private set; }

    public static ControlMeasure Create(Guid enterpriseId, string regionCode, Guid eventId, ControlMeasureDetails details, DateTimeOffset now)
    {
        var row = new ControlMeasure { EventId = eventId };
        row.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        row.Update(details, now);
        return row;
    }

    /// <summary>Applies validated details; returns whether anything changed.</summary>
    public bool Update(ControlMeasureDetails details, DateTimeOffset now)
    {
        var d = details.Normalized();
        if (ToDetails() == d)
        {
            return false;
        }

        Description = d.Description;
        Classify1 = d.Classify1;
        Classify2 = d.Classify2;
        Classify3 = d.Classify3;
        DataSource = d.DataSource;
        InspectionContent = d.InspectionContent;
        CycleValue = d.CycleValue;
        CycleUnit = d.CycleUnit;
        WorkStartTime = d.WorkStartTime;
        WorkEndTime = d.WorkEndTime;
        WorkDayType = d.WorkDayType;
        TaskType = d.TaskType;
        AccountabilityItemNo = d.AccountabilityItemNo;
        ControlLevel = d.ControlLevel;
        ResponsibleDepartment = d.ResponsibleDepartment;
        ResponsiblePerson = d.ResponsiblePerson;
        UpdatedAt = now;
        return true;
    }

    public ControlMeasureDetails ToDetails() => new(
        Description, Classify1, Classify2, Classify3, DataSource, InspectionContent, CycleValue, CycleUnit, WorkStartTime, WorkEndTime,
        WorkDayType, TaskType, AccountabilityItemNo, ControlLevel, ResponsibleDepartment, ResponsiblePerson);
}

/// <summary>The editable facts of a control measure (validated by <see cref="ControlMeasureDetailsValidator"/>).</summary>
public sealed record ControlMeasureDetails(
    string Description,
    MeasureClassify1 Classify1,
    string Classify2,
    string? Classify3,
    ControlDataSource DataSource,
    string? InspectionContent,
    int CycleValue,
    CycleUnit CycleUnit,
    TimeOnly? WorkStartTime,
    TimeOnly? WorkEndTime,
    WorkDayType WorkDayType,
    InspectionTaskType TaskType,
    short? AccountabilityItemNo,
    ControlLevel ControlLevel,
    string? ResponsibleDepartment,
    string? ResponsiblePerson)
{
    /// <summary>Trimmed, blanks as null, work hours only for hourly cycles, item number only for 包保 tasks.</summary>
    public ControlMeasureDetails Normalized() => this with
    {
        Description = Description.Trim(),
        Classify2 = Classify2.Trim(),
        Classify3 = Text.OrNull(Classify3),
        InspectionContent = Text.OrNull(InspectionContent),
        WorkStartTime = CycleUnit == CycleUnit.Hour ? WorkStartTime : null,
        WorkEndTime = CycleUnit == CycleUnit.Hour ? WorkEndTime : null,
        AccountabilityItemNo = TaskType == InspectionTaskType.Routine ? null : AccountabilityItemNo,
        ResponsibleDepartment = Text.OrNull(ResponsibleDepartment),
        ResponsiblePerson = Text.OrNull(ResponsiblePerson),
    };
}
