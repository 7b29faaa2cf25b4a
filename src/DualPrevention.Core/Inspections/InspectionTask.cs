using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// One generated window of an <see cref="InspectionTaskDefinition"/> (docs/domain/dual-prevention.md#53-windows,
/// docs/domain/dual-prevention.md#59-window-states): what an inspector sees and completes. Created only by
/// <see cref="GenerateInspectionTasks"/>, unique on (definition, window start), so retries and parallel runs cannot
/// duplicate it.
/// </summary>
public sealed class InspectionTask : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid DefinitionId { get; private set; }

    public Guid UnitId { get; private set; }

    public InspectionTaskType TaskType { get; private set; }

    /// <summary>UTC, inclusive.</summary>
    public DateTimeOffset WindowStart { get; private set; }

    /// <summary>UTC, exclusive: a record is on time when its check time lies in [start, end).</summary>
    public DateTimeOffset WindowEnd { get; private set; }

    public InspectionTaskStatus Status { get; private set; }

    /// <summary>The on-time record that completed the window.</summary>
    public Guid? RecordId { get; private set; }

    /// <summary>The definition's assignee when the window was generated.</summary>
    public Guid? AssigneeUserId { get; private set; }

    /// <summary>The definition's assignee post when the window was generated.</summary>
    public string? AssigneePost { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Whether a check at <paramref name="checkedAt"/> (UTC) lies inside the window.</summary>
    public bool IsOnTime(DateTimeOffset checkedAt) => checkedAt >= WindowStart && checkedAt < WindowEnd;

    /// <summary>Records the on-time record that completes the window; later records leave it as it is.</summary>
    public void Complete(Guid recordId)
    {
        Status = InspectionTaskStatus.Completed;
        RecordId = recordId;
    }
}
