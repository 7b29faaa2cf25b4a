using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using static DualPrevention.Core.Risks.InspectionTaskType;

namespace DualPrevention.Core.Inspections;

/// <summary>Which task types are what (docs/domain/dual-prevention.md#510-accountability-tasks), defined once for C#, LINQ and SQL.</summary>
public static class InspectionTaskTypes
{
    /// <summary>包保 tasks, one per responsible person in the regulation's order: principal, technical, operational.</summary>
    public static readonly StateSet<InspectionTaskType> Accountability = new(
        [PrincipalResponsible, TechnicalResponsible, OperationalResponsible],
        [Routine]);
}
