using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Monitoring;

/// <summary>
/// 实时状态: one monitoring point's latest value and where it stands against its limits (ADR 0050): the confirmed band,
/// the band a value has entered but not yet held for the debounce, the band already alarmed in the current excursion
/// episode, the last reading kept in the thinned history, and since when the point has been silent too long. Made
/// with its point; written by <see cref="AcceptReadings"/> and <see cref="CheckInterruptedPoints"/> in set-based SQL.
/// </summary>
public sealed class MonitoringPointState : ITenantOwned
{
    private MonitoringPointState()
    {
    }

    public Guid PointId { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>UTC; since when the point is expected to report (its creation): silence is counted from here until the first reading.</summary>
    public DateTimeOffset Since { get; private set; }

    public double? LastValue { get; private set; }

    /// <summary>UTC; the device's time of the latest reading.</summary>
    public DateTimeOffset? LastReadAt { get; private set; }

    public LimitBand Band { get; private set; } = LimitBand.Normal;

    public LimitBand PendingBand { get; private set; } = LimitBand.Normal;

    /// <summary>UTC; when the value entered <see cref="PendingBand"/>.</summary>
    public DateTimeOffset? PendingSince { get; private set; }

    /// <summary>The most severe band alarmed in the current excursion episode; Normal outside one.</summary>
    public LimitBand AlarmedBand { get; private set; } = LimitBand.Normal;

    public double? StoredValue { get; private set; }

    public DateTimeOffset? StoredAt { get; private set; }

    /// <summary>UTC; the server's time of the latest reading, which silence is judged by (a device's clock may be wrong).</summary>
    public DateTimeOffset? ReceivedAt { get; private set; }

    /// <summary>UTC; when the point was found silent for too long (a data-interruption alarm raised); null while reporting.</summary>
    public DateTimeOffset? InterruptedSince { get; private set; }

    public static MonitoringPointState Of(MonitoringPoint point) =>
        new() { PointId = point.Id, EnterpriseId = point.EnterpriseId, RegionCode = point.RegionCode, Since = point.CreatedAt };

    public Evaluation.State ToEvaluation() =>
        new(LastValue, LastReadAt, Band, PendingBand, PendingSince, AlarmedBand, StoredValue, StoredAt);
}
