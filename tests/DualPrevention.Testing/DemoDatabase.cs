using DualPrevention.Core.Demo;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Testing;

/// <summary>
/// A <see cref="TestDatabase"/> holding the run command's demo data: enterprises demo-qd1 and demo-qd2 in
/// Qingdao, demo-wf1 in Weifang, and their accounts, all with <see cref="Password"/>.
/// </summary>
public class DemoDatabase : TestDatabase
{
    public const string Password = "Hazard#Qd7x";

    public Guid Qd1 { get; private set; }

    public Guid Qd2 { get; private set; }

    public Guid Wf1 { get; private set; }

    /// <summary>Whether demo-qd1 gets the sample risk-control list (32 measures) through the importer.</summary>
    protected virtual bool WithSampleRiskRegister => false;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using (var services = CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SeedDemoData>().RunAsync(Password, withSampleRiskRegister: WithSampleRiskRegister, CancellationToken.None);
        }

        await using var db = OwnerContext(TenantScope.System);
        var ids = await db.Enterprises.ToDictionaryAsync(e => e.ShortCode, e => e.Id);
        Qd1 = ids["demo-qd1"];
        Qd2 = ids["demo-qd2"];
        Wf1 = ids["demo-wf1"];
    }
}
