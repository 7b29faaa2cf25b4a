using System.Collections.Concurrent;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Simulator;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The positioning simulator (docs/positioning-ingest.md#simulator) as a device: it signs in through the API, tops the demo enterprise's
/// registry up with badges, issues its own device credential and publishes through the real mosquitto, and the fix
/// consumer stores what it sends: every tag's position, the visitor inside the red zone, the still worker not moving,
/// one SOS.
/// </summary>
public class SimulatorTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    private const int Tags = 30;

    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(70);

    [Fact]
    public async Task The_simulator_walks_the_demo_plan_and_the_platform_stores_its_story()
    {
        await using var app = new DualPreventionAppFactory(database);
        var options = new SimulatorOptions { Tags = Tags, Batch = 10, DurationSeconds = Duration.TotalSeconds, User = "demo-qd1-admin", Password = DemoDatabase.Password };
        var simulation = await Simulation.SetUpAsync(new PlatformApi(app.CreateClient()), options, database.Clock, TextWriter.Null, CancellationToken.None);
        var again = await Simulation.SetUpAsync(new PlatformApi(app.CreateClient()), options, database.Clock, TextWriter.Null, CancellationToken.None);
        var serials = simulation.Walkers.Select(w => w.Tag.Serial).ToList();
        again.Walkers.Select(w => w.Tag.Serial).ShouldBe(serials, "a second run reuses the badges the first registered");
        simulation.Walkers.Select(w => w.Role).Distinct().Count().ShouldBe(4, "the visitor, the still worker and the SOS are cast");
        var visitor = simulation.Walkers.Single(w => w.Role == WalkerRole.StraysIntoRedZone).Tag.Serial;
        var still = simulation.Walkers.Single(w => w.Role == WalkerRole.StandsStill).Tag.Serial;
        var sos = simulation.Walkers.Single(w => w.Role == WalkerRole.PressesSos).Tag.Serial;

        var recorder = new RecordingFixes();
        var start = database.Clock.GetUtcNow();
        await using (var consumer = await RunningFixConsumer.StartAsync(database, $"test-{Guid.NewGuid():N}", acceptedFixes: recorder))
        await using (var publisher = await DevicePublisher.ConnectAsync(MqttBroker.Options().Host, MqttBroker.Options().Port, simulation.Credential, CancellationToken.None))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var run = simulation.RunAsync(publisher, database.Clock, timeout.Token);
            while (!run.IsCompleted)
            {
                database.Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(run, Task.Delay(20, timeout.Token));
            }

            var published = await run;
            published.ShouldBe(Tags * (long)Duration.TotalSeconds);
            while (recorder.Fixes.Count < published)
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        recorder.Fixes.Count.ShouldBe(Tags * (int)Duration.TotalSeconds, "every fix accepted, none refused");
        recorder.Fixes.Where(f => f.Fix.Sos).Select(f => f.Fix.Tag).ShouldBe([sos]);

        await using var db = database.OwnerContext(TenantScope.System);
        var positions = await (from p in db.Set<TagPosition>()
                               join t in db.Set<PositioningTag>() on p.TagId equals t.Id
                               where serials.Contains(t.Serial) && p.FixedAt >= start
                               select new { t.Serial, p.X, p.Y, p.EnterpriseId }).ToListAsync();
        positions.Select(p => p.Serial).ShouldBe(serials, ignoreOrder: true);
        positions.ShouldAllBe(p => p.EnterpriseId == database.Qd1);
        var red = simulation.Site.RedZone.ShouldNotBeNull().Outline;
        var at = positions.Single(p => p.Serial == visitor);
        red.Contains(new Point(at.X!.Value, at.Y!.Value)).ShouldBeTrue("the visitor ends inside the red zone");
        // By step, not by clock: on a busy machine the test's clock runs ahead of the simulator's steps (one a second).
        var stillTrack = recorder.Fixes.Where(f => f.Fix.Tag == still).OrderBy(f => f.Fix.Time).Skip((int)Walker.StillAfter.TotalSeconds + 1)
            .Select(f => (f.Fix.X, f.Fix.Y)).Distinct().ToList();
        stillTrack.Count.ShouldBe(1, "the still worker does not move after 30 s");
    }

    /// <summary>The fence-rule seam as a witness of every stored fix.</summary>
    private sealed class RecordingFixes : IAcceptedFixes
    {
        public ConcurrentBag<AcceptedFix> Fixes { get; } = [];

        public Task OnAcceptedAsync(IReadOnlyList<AcceptedFix> fixes, CancellationToken cancellationToken)
        {
            foreach (var fix in fixes)
            {
                Fixes.Add(fix);
            }

            return Task.CompletedTask;
        }
    }
}
