using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Risks.Register;

/// <summary>One line that sums up a control measure in the register tree.</summary>
public static class MeasureText
{
    /// <summary>Class, control method, cycle, control level, responsible department and person, and the 包保 task if any.</summary>
    public static string Summary(ControlMeasureDetails m, IStringLocalizer l)
    {
        var task = m.TaskType == InspectionTaskType.Routine
            ? null
            : m.AccountabilityItemNo is { } item ? $"{l[$"InspectionTaskType.{m.TaskType}"]} {l["Measure.ItemNo", item]}" : l[$"InspectionTaskType.{m.TaskType}"].Value;
        string?[] parts =
        [
            $"{l[$"MeasureClassify1.{m.Classify1}"]}/{l[$"Classify2.{m.Classify2}"]}",
            l[$"ControlDataSource.{m.DataSource}"],
            l["Measure.CycleEvery", m.CycleValue, l[$"CycleUnit.{m.CycleUnit}"]],
            l[$"ControlLevel.{m.ControlLevel}"],
            string.Join(" ", new[] { m.ResponsibleDepartment, m.ResponsiblePerson }.Where(p => p is not null)),
            task,
        ];
        return string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
