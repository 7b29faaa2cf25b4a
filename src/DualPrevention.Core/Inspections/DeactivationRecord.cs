using DualPrevention.Core.Risks;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// 停用检修记录 (docs/domain/dual-prevention.md#56-deactivation-periods): a period in which a risk analysis unit is shut down
/// for maintenance. Inspection windows lying wholly inside it are <see cref="InspectionTaskStatus.Suspended"/> and
/// count in no rate.
/// </summary>
public sealed class DeactivationRecord : RegisterRow
{
    public Guid UnitId { get; private set; }

    /// <summary>UTC, inclusive.</summary>
    public DateTimeOffset StopStartAt { get; private set; }

    /// <summary>UTC, exclusive; after <see cref="StopStartAt"/>.</summary>
    public DateTimeOffset StopEndAt { get; private set; }

    public string Reason { get; private set; } = "";

    public static DeactivationRecord Create(Guid enterpriseId, string regionCode, Guid unitId, DeactivationPeriod period, DateTimeOffset now)
    {
        var row = new DeactivationRecord { UnitId = unitId };
        row.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        row.Update(period, now);
        return row;
    }

    public void Update(DeactivationPeriod period, DateTimeOffset now)
    {
        StopStartAt = period.StopStartAt;
        StopEndAt = period.StopEndAt;
        Reason = period.Reason.Trim();
        UpdatedAt = now;
    }
}

/// <summary>The editable facts of a <see cref="DeactivationRecord"/>: UTC start (inclusive), UTC end (exclusive), reason.</summary>
public sealed record DeactivationPeriod(DateTimeOffset StopStartAt, DateTimeOffset StopEndAt, string Reason);
