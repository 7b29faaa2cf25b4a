using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Accounts;

/// <summary>
/// A short-lived service scope for account work: one fresh DbContext shared with a UserManager, both under the
/// actor's tenant scope, so that a domain row and the accounts created with it commit in one transaction.
/// Blazor circuits live long; their own scoped DbContext must not carry such work.
/// </summary>
public sealed class AccountUnitOfWork : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private AccountUnitOfWork(AsyncServiceScope scope)
    {
        _scope = scope;
        Db = scope.ServiceProvider.GetRequiredService<DualPreventionDbContext>();
        Users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
    }

    public DualPreventionDbContext Db { get; }

    public UserManager<ApplicationUser> Users { get; }

    /// <summary>Opens a unit of work under <paramref name="scope"/>.</summary>
    public static AccountUnitOfWork Begin(IServiceScopeFactory scopes, TenantScope scope)
    {
        var serviceScope = scopes.CreateAsyncScope();
        serviceScope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = scope;
        return new AccountUnitOfWork(serviceScope);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
