using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Accounts;

/// <summary>Adds the user's scope, display name and forced-change flag to the claims Identity issues.</summary>
public sealed class ScopedUserClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        if (user.EnterpriseId is { } enterpriseId)
        {
            identity.AddClaim(new Claim(ScopeClaims.EnterpriseId, enterpriseId.ToString()));
        }

        if (user.ScopeRegionCode is { } regionCode)
        {
            identity.AddClaim(new Claim(ScopeClaims.RegionCode, regionCode));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(ScopeClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}
