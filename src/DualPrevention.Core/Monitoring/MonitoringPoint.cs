using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Monitoring;

/// <summary>What an enterprise states about one monitoring point; checked by <see cref="MonitoringPointDetailsValidator"/>.</summary>
/// <param name="Code">The point code, GB 17681 style (unique within the enterprise; the device sends it with every reading).</param>
/// <param name="DebounceSeconds">How long a value must stay beyond a limit (or back within) before the state changes.</param>
/// <param name="IntervalSeconds">How often the point reports; silence for several intervals is a data interruption.</param>
public sealed record MonitoringPointDetails(
    string Code,
    string Name,
    MonitoringPointKind Kind,
    string Unit,
    double RangeLow,
    double RangeHigh,
    double? LowLow,
    double? Low,
    double? High,
    double? HighHigh,
    int DebounceSeconds,
    int IntervalSeconds);

/// <summary>
/// 监测点: one measured parameter of a major hazard source — a tank's level, a temperature, a pressure, a flammable or
/// toxic gas detector — with its range and alarm limits (ADR 0050). Its live state (latest value, band, episode) is
/// <see cref="MonitoringPointState"/>, written by ingest, never by the editor.
/// </summary>
public sealed class MonitoringPoint : ITenantOwned
{
    public const int NameLength = 100;
    public const int UnitLength = 20;

    /// <summary>Longest debounce: ten minutes.</summary>
    public const int MaxDebounceSeconds = 600;

    /// <summary>Reporting interval bounds: one second to one hour.</summary>
    public const int MaxIntervalSeconds = 3600;

    /// <summary>Bound of every range and limit: values beyond are no process value of any unit.</summary>
    public const double MaxMagnitude = 1_000_000;

    private MonitoringPoint()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public Guid MajorHazardSourceId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public MonitoringPointKind Kind { get; private set; }

    /// <summary>The unit the device sends values in (m, ℃, MPa, %LEL, ppm …).</summary>
    public string Unit { get; private set; } = "";

    public double RangeLow { get; private set; }

    public double RangeHigh { get; private set; }

    public double? LowLow { get; private set; }

    public double? Low { get; private set; }

    public double? High { get; private set; }

    public double? HighHigh { get; private set; }

    public int DebounceSeconds { get; private set; }

    public int IntervalSeconds { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Limits LimitsOf() => new(RangeLow, RangeHigh, LowLow, Low, High, HighHigh, DebounceSeconds);

    public static MonitoringPoint Create(Guid enterpriseId, string regionCode, Guid majorHazardSourceId, MonitoringPointDetails details, DateTimeOffset now)
    {
        var point = new MonitoringPoint
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            MajorHazardSourceId = majorHazardSourceId,
            CreatedAt = now,
        };
        point.Update(details, now);
        return point;
    }

    public void Update(MonitoringPointDetails details, DateTimeOffset now)
    {
        Code = details.Code.Trim();
        Name = details.Name.Trim();
        Kind = details.Kind;
        Unit = details.Unit.Trim();
        RangeLow = details.RangeLow;
        RangeHigh = details.RangeHigh;
        LowLow = details.LowLow;
        Low = details.Low;
        High = details.High;
        HighHigh = details.HighHigh;
        DebounceSeconds = details.DebounceSeconds;
        IntervalSeconds = details.IntervalSeconds;
        UpdatedAt = now;
    }
}

/// <summary>A point's range and limits as evaluation needs them.</summary>
public sealed record Limits(double RangeLow, double RangeHigh, double? LowLow, double? Low, double? High, double? HighHigh, int DebounceSeconds)
{
    /// <summary>The band <paramref name="value"/> lies in: a value at a limit has reached it.</summary>
    public LimitBand BandOf(double value) =>
        value >= HighHigh ? LimitBand.HighHigh
        : value >= High ? LimitBand.High
        : value <= LowLow ? LimitBand.LowLow
        : value <= Low ? LimitBand.Low
        : LimitBand.Normal;

    public bool InRange(double value) => value >= RangeLow && value <= RangeHigh;
}
