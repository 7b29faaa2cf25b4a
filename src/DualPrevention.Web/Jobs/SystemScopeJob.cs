using DualPrevention.Core.Tenancy;

namespace DualPrevention.Web.Jobs;

/// <summary>
/// What every Hangfire job here shares: it runs in a DI scope of its own whose tenant is <see cref="TenantScope.System"/>
/// (ADR 0002: a job serves every enterprise; row-level security still binds the app role), so the handler it resolves
/// opens its contexts in that scope. A job class names only what differs: the handler and how to call it.
/// </summary>
public abstract class SystemScopeJob(IServiceScopeFactory scopes)
{
    /// <summary>Resolves <typeparamref name="THandler"/> in a new system-scope DI scope and runs <paramref name="work"/> with it.</summary>
    protected Task InSystemScopeAsync<THandler>(Func<THandler, Task> work)
        where THandler : notnull =>
        InSystemScopeAsync(services => work(services.GetRequiredService<THandler>()));

    /// <summary>Runs <paramref name="work"/> with the services of a new system-scope DI scope (for a job of several handlers).</summary>
    protected async Task InSystemScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await work(scope.ServiceProvider);
    }
}
