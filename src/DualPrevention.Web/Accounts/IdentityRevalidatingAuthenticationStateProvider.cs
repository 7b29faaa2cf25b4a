using DualPrevention.Core.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// Re-checks an open Blazor circuit's user every minute: a locked account, a reset password or a sign-out
/// elsewhere changes the security stamp, and the circuit then loses its user (and with it its tenant scope).
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await SessionValidity.IsCurrentAsync(users, authenticationState.User, options.Value.ClaimsIdentity.SecurityStampClaimType);
    }
}
