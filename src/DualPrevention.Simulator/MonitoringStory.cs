namespace DualPrevention.Simulator;

/// <summary>
/// The demo's monitoring story (docs/monitoring-ingest.md#simulator): four points on the enterprise's first major hazard
/// source — a tank's level, temperature and pressure and a flammable-gas detector — report every
/// <see cref="ReadingIntervalSeconds"/> seconds around their set points, and the level climbs through its high and
/// high-high limits from <see cref="SimulatorOptions.ExcursionAtSeconds"/> on, stays there a while and falls back, so
/// the duty page and the alarm centre have one excursion to show.
/// </summary>
public sealed class MonitoringStory
{
    /// <summary>Seconds between two readings of a point (the points' reporting interval).</summary>
    public const int ReadingIntervalSeconds = 5;

    /// <summary>The level point whose value makes the excursion.</summary>
    public const string LevelCode = "SIM-LT-101";

    /// <summary>How long the level takes to climb from its set point to the peak, and to fall back.</summary>
    public static readonly TimeSpan Ramp = TimeSpan.FromSeconds(60);

    /// <summary>How long the level stays at its peak, above high-high.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(60);

    private static readonly SimulatedPoint[] Points =
    [
        new(new PlatformApi.PointDetails(LevelCode, "仿真储罐液位", "TankLevel", "%", 0, 100, null, 10, 80, 90, 10, ReadingIntervalSeconds), 65, 0.4),
        new(new PlatformApi.PointDetails("SIM-TT-101", "仿真储罐温度", "Temperature", "℃", -20, 80, null, null, 40, 50, 10, ReadingIntervalSeconds), 22, 0.3),
        new(new PlatformApi.PointDetails("SIM-PT-101", "仿真储罐压力", "Pressure", "kPa", 0, 200, null, null, 150, 180, 10, ReadingIntervalSeconds), 105, 1.5),
        new(new PlatformApi.PointDetails("SIM-AT-101", "仿真可燃气体", "FlammableGas", "%LEL", 0, 100, null, null, 25, 50, 10, ReadingIntervalSeconds), 2, 0.5),
    ];

    private const double Peak = 94;

    private readonly TimeSpan _excursionAt;
    private readonly Random _random;
    private long _round = -1;

    private MonitoringStory(string hazardName, TimeSpan excursionAt, Random random)
    {
        HazardName = hazardName;
        _excursionAt = excursionAt;
        _random = random;
    }

    /// <summary>The major hazard source the points belong to.</summary>
    public string HazardName { get; }

    /// <summary>
    /// Finds the enterprise's first major hazard source and adds the story's points to it where their codes are missing;
    /// null when the enterprise has no major hazard source (the story is then left out).
    /// </summary>
    public static async Task<MonitoringStory?> SetUpAsync(PlatformApi api, SimulatorOptions options, Random random, CancellationToken cancellationToken)
    {
        if (await api.FirstMajorHazardAsync(cancellationToken) is not { } hazard)
        {
            return null;
        }

        var known = (await api.MonitoringPointsAsync(hazard.Id, cancellationToken)).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var point in Points.Where(p => !known.Contains(p.Details.Code)))
        {
            await api.AddMonitoringPointAsync(hazard.Id, point.Details, cancellationToken);
        }

        return new MonitoringStory(hazard.Name, TimeSpan.FromSeconds(options.ExcursionAtSeconds), random);
    }

    /// <summary>The readings due at <paramref name="elapsed"/>: one per point once every <see cref="ReadingIntervalSeconds"/>, none in between.</summary>
    public IReadOnlyList<Reading> Step(TimeSpan elapsed, DateTimeOffset now)
    {
        var round = (long)(elapsed.TotalSeconds / ReadingIntervalSeconds);
        if (round == _round)
        {
            return [];
        }

        _round = round;
        return [.. Points.Select(p => new Reading(
            p.Details.Code, now, p.Details.Code == LevelCode ? Level(elapsed, p) : p.SetPoint + ((_random.NextDouble() * 2) - 1) * p.Noise))];
    }

    /// <summary>The level: its set point with noise, or on the excursion's ramp up, peak and ramp down.</summary>
    private double Level(TimeSpan elapsed, SimulatedPoint point)
    {
        var into = elapsed - _excursionAt;
        var noise = ((_random.NextDouble() * 2) - 1) * point.Noise;
        if (into < TimeSpan.Zero || into >= Ramp + Hold + Ramp)
        {
            return point.SetPoint + noise;
        }

        var share = into < Ramp ? into / Ramp : into < Ramp + Hold ? 1 : 1 - ((into - Ramp - Hold) / Ramp);
        return point.SetPoint + ((Peak - point.SetPoint) * share) + noise;
    }

    private sealed record SimulatedPoint(PlatformApi.PointDetails Details, double SetPoint, double Noise);
}
