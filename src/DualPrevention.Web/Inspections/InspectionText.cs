using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Risks;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Inspections;

/// <summary>How the inspection pages write cycles, work hours, task types, assignees and local times.</summary>
public static class InspectionText
{
    /// <summary>The common cycles by their names (每天, 每周, 每季度 …), others as the register writes them (每 2 小时).</summary>
    public static string Cycle(int value, CycleUnit unit, IStringLocalizer l) => (value, unit) switch
    {
        (1, CycleUnit.Hour) => l["Cycle.Hourly"],
        (1, CycleUnit.Day) => l["Cycle.Daily"],
        (7, CycleUnit.Day) => l["Cycle.Weekly"],
        (1, CycleUnit.Month) => l["Cycle.Monthly"],
        (3, CycleUnit.Month) => l["Cycle.Quarterly"],
        (1, CycleUnit.Year) or (12, CycleUnit.Month) => l["Cycle.Yearly"],
        _ => l["Measure.CycleEvery", value, l[$"CycleUnit.{unit}"]],
    };

    /// <summary>"08:00–17:00", or a dash when the task runs all day.</summary>
    public static string WorkHours(TimeOnly? start, TimeOnly? end) =>
        start is { } s && end is { } e ? $"{s.ToString("HH:mm", CultureInfo.InvariantCulture)}–{e.ToString("HH:mm", CultureInfo.InvariantCulture)}" : "—";

    /// <summary>日常任务, or the 包保 role with its item (主要负责人任务 第 3 项).</summary>
    public static string TaskType(InspectionTaskType type, short? item, IStringLocalizer l) =>
        type != InspectionTaskType.Routine && item is { } no ? $"{l[$"InspectionTaskType.{type}"]} {l["Measure.ItemNo", no]}" : l[$"InspectionTaskType.{type}"];

    /// <summary>The person's name, the post (岗位：巡检岗), or 未分配.</summary>
    public static string Assignee(string? name, string? post, IStringLocalizer l) =>
        name ?? (post is null ? l["Inspection.Unassigned"] : l["Inspection.PostAssignee", post]);

    /// <summary>A UTC instant as Asia/Shanghai wall-clock time, yyyy-MM-dd HH:mm.</summary>
    public static string Local(DateTimeOffset utc) => BusinessTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"11-29 00:00 – 11-30 00:00" for a window stored in UTC: short, for a phone.</summary>
    public static string Window(DateTimeOffset start, DateTimeOffset end) =>
        $"{ShortLocal(start)} – {ShortLocal(end)}";

    /// <summary>"11-29 08:30", Beijing time, for a phone.</summary>
    public static string ShortLocal(DateTimeOffset utc) => BusinessTime.ToLocal(utc).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
}
