using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// 隐患排查任务 (docs/domain/dual-prevention.md#51-task-definitions, exchange <c>sec_hidden_check_mission</c>): the recurring inspection of one manual
/// control measure. Its schedule (content, cycle, work hours, work-day type, task type) mirrors the measure and
/// is kept in step by <see cref="GenerateInspectionTasks"/> before each run; what the measure does not say — first start,
/// inspection type and assignees — belongs to the definition.
/// </summary>
public sealed class InspectionTaskDefinition : RegisterRow
{
    public Guid MeasureId { get; private set; }

    /// <summary>The unit the measure belongs to, copied so windows group and suspend by unit without joins.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>What to check: the measure's inspection content, or its description when that is empty.</summary>
    public string Content { get; private set; } = "";

    /// <summary>Cycle length in <see cref="CycleUnit"/>s (&gt; 0); a week is 7 days, a quarter 3 months.</summary>
    public int CycleValue { get; private set; }

    public CycleUnit CycleUnit { get; private set; }

    /// <summary>
    /// UTC start of window 0; window k starts at this local (Asia/Shanghai) time plus k cycles, months clamped
    /// to month end (docs/domain/dual-prevention.md#54-window-generation). Defaults to the start of the calendar period the measure was created in:
    /// the day (or its work start), the ISO week's Monday for whole weeks, the month, the quarter, the year.
    /// </summary>
    public DateTimeOffset FirstStartAt { get; private set; }

    /// <summary>Local start of work hours; hourly windows start only inside [start, end).</summary>
    public TimeOnly? WorkStartTime { get; private set; }

    /// <summary>Local end of work hours (exclusive); before the start for a night shift.</summary>
    public TimeOnly? WorkEndTime { get; private set; }

    public WorkDayType WorkDayType { get; private set; }

    public InspectionTaskType TaskType { get; private set; }

    /// <summary>包保任务对应项 (1–9, 1–9, 1–10) for accountability tasks.</summary>
    public short? AccountabilityItemNo { get; private set; }

    /// <summary>排查类型; a hidden danger found by the task inherits it as its source (docs/domain/dual-prevention.md#511-inspection-types).</summary>
    public InspectionSource Source { get; private set; } = InspectionSource.Routine;

    /// <summary>The measure's responsible department (车间/部门), for the task board.</summary>
    public string? ResponsibleDepartment { get; private set; }

    /// <summary>The one account the windows are pushed to; null when a post (or nobody) is assigned.</summary>
    public Guid? AssigneeUserId { get; private set; }

    /// <summary>A post (岗位) whose members share the windows; null when a person (or nobody) is assigned.</summary>
    public string? AssigneePost { get; private set; }

    /// <summary>Sets what the measure does not say. Assign a person or a post, not both.</summary>
    /// <exception cref="ArgumentException">Both a person and a post are given.</exception>
    public void Plan(InspectionTaskPlan plan, DateTimeOffset now)
    {
        if (plan.AssigneeUserId is not null && !string.IsNullOrWhiteSpace(plan.AssigneePost))
        {
            throw new ArgumentException("Assign a person or a post, not both.", nameof(plan));
        }

        FirstStartAt = plan.FirstStartAt;
        Source = plan.Source;
        AssigneeUserId = plan.AssigneeUserId;
        AssigneePost = Text.OrNull(plan.AssigneePost);
        UpdatedAt = now;
    }
}

/// <summary>What a safety officer decides about a task definition: first start (UTC), inspection type, assignee.</summary>
public sealed record InspectionTaskPlan(DateTimeOffset FirstStartAt, InspectionSource Source, Guid? AssigneeUserId, string? AssigneePost);
