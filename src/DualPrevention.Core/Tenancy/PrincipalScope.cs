using System.Security.Claims;
using DualPrevention.Core.Accounts;

namespace DualPrevention.Core.Tenancy;

/// <summary>Reads a signed-in user's <see cref="TenantScope"/> from the claims issued by <see cref="ScopedUserClaimsPrincipalFactory"/>.</summary>
public static class PrincipalScope
{
    /// <summary>The user's scope; <see cref="TenantScope.None"/> for anonymous or malformed principals.</summary>
    public static TenantScope From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return TenantScope.None;
        }

        Guid? userId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
        var userName = principal.FindFirstValue(ClaimTypes.Name);
        if (Guid.TryParse(principal.FindFirstValue(ScopeClaims.EnterpriseId), out var enterpriseId))
        {
            return TenantScope.ForEnterprise(enterpriseId, userId, userName);
        }

        var regionCode = principal.FindFirstValue(ScopeClaims.RegionCode);
        return Regions.RegionCodes.IsValid(regionCode)
            ? TenantScope.ForRegion(regionCode!, userId, userName)
            : TenantScope.None;
    }
}
