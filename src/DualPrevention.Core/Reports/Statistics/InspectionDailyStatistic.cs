using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Reports.Statistics;

/// <summary>
/// The windows of one enterprise that start on one local day (Asia/Shanghai), counted per task type: what
/// dashboards and reports read instead of the raw windows (ADR 0009). Written only by
/// <see cref="RefreshInspectionStatistics"/>, which recomputes whole (enterprise, day) pairs, so a row is always
/// the exact count of its windows at the last refresh. Cancelled windows are not counted.
/// </summary>
public sealed class InspectionDailyStatistic : ITenantOwned
{
    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>Local date the windows start on.</summary>
    public DateOnly Day { get; private set; }

    public InspectionTaskType TaskType { get; private set; }

    /// <summary>
    /// Windows judged by now: completed, or ended (late or missed) — a window still running or not yet started is not
    /// due yet (docs/domain/dual-prevention.md#91-rates-and-counts: completed ÷ due), so today's rate is not dragged
    /// down by windows nobody could have done.
    /// </summary>
    public int Due { get; private set; }

    /// <summary>Completed by a record inside the window.</summary>
    public int Completed { get; private set; }

    /// <summary>Not completed, recorded after the window ended.</summary>
    public int Late { get; private set; }

    /// <summary>Ended with no record (漏检).</summary>
    public int Missed { get; private set; }

    /// <summary>Not started or still running, no record yet.</summary>
    public int Open { get; private set; }

    /// <summary>停用检修 (docs/domain/dual-prevention.md#56-deactivation-periods); outside every rate.</summary>
    public int Suspended { get; private set; }

    /// <summary>UTC time of the refresh that wrote the row.</summary>
    public DateTimeOffset RefreshedAt { get; private set; }
}
