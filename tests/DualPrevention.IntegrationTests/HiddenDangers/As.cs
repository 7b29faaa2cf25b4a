using DualPrevention.Core.Accounts;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>Runs a handler under a user's scope, the way pages and endpoints do.</summary>
internal static class As
{
    public static Actor Enterprise(Guid enterpriseId, string role = Roles.EnterpriseAdmin) =>
        new(TenantScope.ForEnterprise(enterpriseId, null, "demo-admin"), new HashSet<string> { role });

    public static Actor Region(string regionCode, string role) => new(TenantScope.ForRegion(regionCode, null, role), new HashSet<string> { role });

    public static async Task<T> RunAsync<THandler, T>(TestDatabase database, Actor actor, Func<THandler, Task<T>> run)
        where THandler : notnull
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await run(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
