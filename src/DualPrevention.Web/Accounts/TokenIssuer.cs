using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DualPrevention.Web.Accounts;

/// <summary>Signs one-hour bearer tokens carrying the same claims as the sign-in cookie, security stamp included.</summary>
internal sealed class TokenIssuer(JwtSettings settings, TimeProvider clock)
{
    /// <summary>A signed JWT and its expiry (UTC).</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal principal)
    {
        var now = clock.GetUtcNow();
        var expires = now + JwtSettings.Lifetime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            // The security stamp travels in the token so that a lock, reset or sign-out revokes it (SessionValidity).
            Subject = new ClaimsIdentity(principal.Claims),
            SigningCredentials = new SigningCredentials(settings.Key, SecurityAlgorithms.HmacSha256),
        };
        return (new JsonWebTokenHandler().CreateToken(descriptor), expires);
    }
}
