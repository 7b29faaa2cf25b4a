namespace DualPrevention.Simulator;

/// <summary>
/// The demo's positioning story (docs/positioning-ingest.md#simulator): <see cref="SimulatorOptions.Tags"/> tags walk an enterprise's site
/// plan and report a fix each <see cref="SimulatorOptions.IntervalSeconds"/>; among them a visitor strays into the red
/// zone, a worker stands still and another presses SOS, so the live map and the alarm centre have something to show.
/// </summary>
public sealed class Simulation
{
    /// <summary>Serial prefix of the badges the simulator registers to reach <see cref="SimulatorOptions.Tags"/>.</summary>
    public const string SerialPrefix = "SIM-";

    private readonly SimulatorOptions _options;
    private readonly SimulatedSite _site;
    private readonly Random _random;

    private Simulation(SimulatorOptions options, SimulatedSite site, IReadOnlyList<Walker> walkers, PlatformApi.Credential credential, Random random, MonitoringStory? monitoring)
    {
        _options = options;
        _site = site;
        Walkers = walkers;
        Credential = credential;
        _random = random;
        Monitoring = monitoring;
    }

    /// <summary>The monitoring story, or null when the enterprise has no major hazard source.</summary>
    public MonitoringStory? Monitoring { get; }

    /// <summary>Readings published by <see cref="RunAsync"/> so far.</summary>
    public long ReadingsPublished { get; private set; }

    public IReadOnlyList<Walker> Walkers { get; }

    public PlatformApi.Credential Credential { get; }

    public SimulatedSite Site => _site;

    /// <summary>
    /// Signs in, reads the first scaled site plan and the tags held by someone, registers simulated employees and badges
    /// (<see cref="SerialPrefix"/>) until there are enough, and issues a device credential of its own. Running it again
    /// reuses the badges it registered before.
    /// </summary>
    public static async Task<Simulation> SetUpAsync(PlatformApi api, SimulatorOptions options, TimeProvider clock, TextWriter log, CancellationToken cancellationToken)
    {
        await api.SignInAsync(options.User, options.Password, cancellationToken);
        var site = new SimulatedSite(await api.FirstScaledPlanAsync(cancellationToken));
        var held = (await api.TagsAsync(cancellationToken)).Where(t => t.HolderId is not null).ToList();
        var added = 0;
        for (var i = 1; held.Count < options.Tags; i++)
        {
            var serial = $"{SerialPrefix}{i:0000}";
            if (held.All(t => t.Serial != serial))
            {
                held.Add(await api.AddWalkerAsync(serial, $"模拟员工{i:0000}", cancellationToken));
                added++;
            }
        }

        var credential = await api.IssueCredentialAsync($"定位仿真器 {clock.GetUtcNow():yyyy-MM-dd HH:mm}", cancellationToken);
        var random = new Random(options.Seed);
        var tags = held.Take(options.Tags).ToList();
        var visitor = tags.FirstOrDefault(t => t.HolderType == "Visitor");
        var employees = tags.Where(t => t.HolderType == "Employee").ToList();
        var walkers = tags.Select(t =>
        {
            var role = t == visitor && site.RedZone is not null ? WalkerRole.StraysIntoRedZone
                : employees.IndexOf(t) == 0 ? WalkerRole.StandsStill
                : employees.IndexOf(t) == 1 ? WalkerRole.PressesSos
                : WalkerRole.Wanders;
            var start = role == WalkerRole.StraysIntoRedZone ? site.NearRedZone(random) : site.OutsideRedZones(random);
            return new Walker(t, role, start, 0.8 + random.NextDouble() * 0.7, 40 + random.Next(61));
        }).ToList();
        log.WriteLine($"Site plan with {site.Zones.Count} zones; {walkers.Count} tags walk ({added} simulated badges added); device credential {credential.Username} publishes into {credential.Topic}.");
        foreach (var walker in walkers.Where(w => w.Role != WalkerRole.Wanders))
        {
            log.WriteLine(walker.Role switch
            {
                WalkerRole.StraysIntoRedZone => $"  {walker.Tag.HolderName} ({walker.Tag.Serial}, visitor) walks into the red zone {site.RedZone?.Name}.",
                WalkerRole.StandsStill => $"  {walker.Tag.HolderName} ({walker.Tag.Serial}) stands still from {Walker.StillAfter.TotalSeconds:0} s.",
                _ => $"  {walker.Tag.HolderName} ({walker.Tag.Serial}) presses SOS at {Walker.SosAt.TotalSeconds:0} s.",
            });
        }

        if (visitor is null || site.RedZone is null)
        {
            log.WriteLine("  No visitor holds a tag or the plan has no red zone: nobody strays into one.");
        }

        var monitoring = await MonitoringStory.SetUpAsync(api, options, new Random(options.Seed), cancellationToken);
        log.WriteLine(monitoring is null
            ? "  The enterprise has no major hazard source: no monitoring points report."
            : $"  Four monitoring points of {monitoring.HazardName} report every {MonitoringStory.ReadingIntervalSeconds} s; the tank level {MonitoringStory.LevelCode} climbs past high-high from {options.ExcursionAtSeconds:0} s.");
        return new Simulation(options, site, walkers, credential, random, monitoring);
    }

    /// <summary>One step of every walker: the fixes of the moment <paramref name="now"/>.</summary>
    public IReadOnlyList<Fix> Step(TimeSpan elapsed, DateTimeOffset now)
    {
        var step = TimeSpan.FromSeconds(_options.IntervalSeconds);
        return [.. Walkers.Select(w =>
        {
            var sos = w.Step(_site, elapsed, step, _random);
            return new Fix(w.Tag.Serial, now, w.Position.X, w.Position.Y, w.Battery, sos);
        })];
    }

    /// <summary>
    /// Publishes a step each interval until <see cref="SimulatorOptions.DurationSeconds"/> (or cancellation), and the
    /// monitoring story's readings when they are due.
    /// </summary>
    /// <returns>The fixes published.</returns>
    public async Task<long> RunAsync(DevicePublisher publisher, TimeProvider clock, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds(_options.IntervalSeconds);
        var duration = TimeSpan.FromSeconds(_options.DurationSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        var published = 0L;
        var elapsed = TimeSpan.Zero;
        do
        {
            var now = clock.GetUtcNow();
            var fixes = Step(elapsed, now);
            await publisher.PublishAsync(fixes, _options.Batch, cancellationToken);
            published += fixes.Count;
            if (Monitoring?.Step(elapsed, now) is { Count: > 0 } readings)
            {
                await publisher.PublishAsync(readings, cancellationToken);
                ReadingsPublished += readings.Count;
            }

            elapsed += interval;
        }
        while ((duration == TimeSpan.Zero || elapsed < duration) && await timer.WaitForNextTickAsync(cancellationToken));

        return published;
    }
}
