using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Positioning;
using DualPrevention.Simulator;
using DualPrevention.Testing;
using DualPrevention.Web.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DualPrevention.IntegrationTests.Monitoring;

/// <summary>
/// The simulator's monitoring story (docs/monitoring-ingest.md#simulator) as a device: it adds four points to the demo
/// enterprise's first major hazard source through the API (once, however often it starts), publishes their readings
/// through the real mosquitto with its own credential, and the reading consumer turns the tank level's climb past
/// high-high into one high and one high-high alarm while the other points stay quiet.
/// </summary>
public class MonitoringSimulatorTests(DemoPlanDatabase database) : IClassFixture<DemoPlanDatabase>
{
    [Fact]
    public async Task The_simulated_tank_level_climbs_past_high_high_once_and_raises_one_high_and_one_high_high_alarm()
    {
        await using var services = database.CreateServices();
        await RegisterSourceAsync(services);
        await using var app = new DualPreventionAppFactory(database);
        var options = new SimulatorOptions { Tags = 5, Batch = 10, DurationSeconds = 150, ExcursionAtSeconds = 0, User = "demo-qd1-admin", Password = DemoDatabase.Password };
        await Simulation.SetUpAsync(new PlatformApi(app.CreateClient()), options, database.Clock, TextWriter.Null, CancellationToken.None);
        var simulation = await Simulation.SetUpAsync(new PlatformApi(app.CreateClient()), options, database.Clock, TextWriter.Null, CancellationToken.None);
        simulation.Monitoring.ShouldNotBeNull();
        var points = await PointsAsync();
        points.Keys.ShouldBe(["SIM-AT-101", "SIM-LT-101", "SIM-PT-101", "SIM-TT-101"], ignoreOrder: true, "a second start reuses the points of the first");

        using var consumer = new ReadingConsumer(
            Options.Create(MqttBroker.Options()),
            Options.Create(new ReadingConsumerOptions { ClientId = $"simulator-node-{Guid.NewGuid():N}", Group = $"simulator-test-{Guid.NewGuid():N}" }),
            services.GetRequiredService<IServiceScopeFactory>(),
            database.Clock,
            NullLogger<ReadingConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        await consumer.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        var start = database.Clock.GetUtcNow();
        await using (var publisher = await DevicePublisher.ConnectAsync(MqttBroker.Options().Host, MqttBroker.Options().Port, simulation.Credential, CancellationToken.None))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var run = simulation.RunAsync(publisher, database.Clock, timeout.Token);
            while (!run.IsCompleted)
            {
                database.Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(run, Task.Delay(20, timeout.Token));
            }

            await run;
        }

        simulation.ReadingsPublished.ShouldBe(4 * 30, "four points, a reading each 5 s for 150 s");
        var lastRound = start.AddSeconds(145);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await LastReadAsync(points["SIM-LT-101"]) is not { } read || read < lastRound)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the consumer did not take the last round within 30 s");
            await Task.Delay(100);
        }

        await consumer.StopAsync(CancellationToken.None);
        (await CategoriesAsync(points["SIM-LT-101"])).ShouldBe([MonitoringAlarms.LimitHigh, MonitoringAlarms.LimitHighHigh]);
        foreach (var quiet in new[] { "SIM-TT-101", "SIM-PT-101", "SIM-AT-101" })
        {
            (await CategoriesAsync(points[quiet])).ShouldBeEmpty(quiet);
        }
    }

    /// <summary>The demo story's tank farm is not seeded in this database: the enterprise's source, as its administrator registers it.</summary>
    private async Task RegisterSourceAsync(ServiceProvider services)
    {
        Actor actor;
        await using (var db = database.OwnerContext(TenantScope.System))
        {
            var admin = await db.Users.Where(u => u.EnterpriseId == database.Qd1 && u.UserName!.EndsWith("-admin")).Select(u => new { u.Id, u.UserName }).FirstAsync();
            actor = new Actor(TenantScope.ForEnterprise(database.Qd1, admin.Id, admin.UserName!), new HashSet<string> { Roles.EnterpriseAdmin });
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>().HandleAsync(
            actor, new(new MajorHazardSourceDetails("MH-SIM-TANKS", "仿真罐区", MajorHazardLevel.Level1, null, null, null, null)), default);
    }

    private async Task<Dictionary<string, Guid>> PointsAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<MonitoringPoint>().Where(p => p.EnterpriseId == database.Qd1 && p.Code.StartsWith("SIM-")).ToDictionaryAsync(p => p.Code, p => p.Id);
    }

    private async Task<DateTimeOffset?> LastReadAsync(Guid point)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<MonitoringPointState>().Where(s => s.PointId == point).Select(s => s.LastReadAt).SingleOrDefaultAsync();
    }

    private async Task<List<string>> CategoriesAsync(Guid point)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Set<Alarm>().Where(a => a.DeviceId == point).OrderBy(a => a.OccurredAt).Select(a => a.Category).ToListAsync();
    }
}
