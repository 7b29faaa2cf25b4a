using System.Security.Claims;

namespace DualPrevention.Web.Hosting;

/// <summary>Reads the signed-in user from a principal.</summary>
internal static class SignedInUser
{
    /// <summary>The signed-in user's id, or null.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
