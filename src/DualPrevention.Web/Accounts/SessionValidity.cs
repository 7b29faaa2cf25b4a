using System.Security.Claims;
using DualPrevention.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Web.Accounts;

/// <summary>Whether a signed-in principal (cookie, circuit or bearer token) still stands for a usable account.</summary>
internal static class SessionValidity
{
    /// <summary>True when the user exists, is not locked out and its security stamp is the one the principal carries.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal, string stampClaimType)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return false;
        }

        return !users.SupportsUserSecurityStamp || principal.FindFirstValue(stampClaimType) == await users.GetSecurityStampAsync(user);
    }
}
