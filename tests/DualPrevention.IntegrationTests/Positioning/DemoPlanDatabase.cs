using System.Globalization;
using System.Text;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Positioning;

/// <summary>
/// The demo with demo-qd1's site plan and positioning registry as the demo story draws them: four zones of 300 × 200 m
/// (罐区 red, x 20–120 m, y 110–180 m), 17 employees, 2 contractors and a visitor holding tags.
/// </summary>
public sealed class DemoPlanDatabase : DemoDatabase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var services = CreateServices();
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        (await DemoSitePlans.DrawIfNoneAsync(scopes, Qd1, "demo-qd1-admin", CancellationToken.None)).ShouldBeTrue();
        (await DemoPositioningRegistry.RegisterIfNoneAsync(scopes, Qd1, "demo-qd1", "demo-qd1-admin", Clock, CancellationToken.None)).ShouldBeTrue();
    }

    /// <summary>Fixes of demo-qd1's tags (DEMO-QD1-Tnnn) through the ingest, as the consumer stores them, each at its own instant.</summary>
    public async Task StoreFixesAsync(params (int Tag, double X, double Y, DateTimeOffset At)[] fixes)
    {
        var now = Clock.GetUtcNow();
        var payload = "[" + string.Join(',', fixes.Select(f => string.Create(CultureInfo.InvariantCulture,
            $$"""{"tag":"DEMO-QD1-T{{f.Tag:000}}","time":"{{f.At:yyyy-MM-ddTHH:mm:ss}}Z","x":{{f.X}},"y":{{f.Y}}}"""))) + "]";
        await using var services = CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(default);
        var outcome = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>().HandleAsync(
            [new AcceptFixes.Delivery(Qd1, FixPayload.Parse(Encoding.UTF8.GetBytes(payload), now))], default);
        outcome[0].Accepted.ShouldBe(fixes.Length);
    }
}
