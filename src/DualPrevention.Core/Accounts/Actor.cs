using System.Security.Claims;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Accounts;

/// <summary>Who performs a use case: the tenant scope plus the roles that decide what they may do inside it.</summary>
public sealed record Actor(TenantScope Scope, IReadOnlySet<string> Roles)
{
    /// <summary>The actor of a signed-in principal (roles from <see cref="ClaimTypes.Role"/> claims).</summary>
    public static Actor From(ClaimsPrincipal principal) =>
        new(PrincipalScope.From(principal), principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal));

    /// <summary>True when the actor holds <paramref name="role"/>.</summary>
    public bool Is(string role) => Roles.Contains(role);
}
