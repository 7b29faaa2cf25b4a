using DualPrevention.Core.Demo;
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
}
