using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// Bearer-token settings (section <c>Auth</c>): issuer, audience and an HMAC-SHA256 key given as base64 of at
/// least 32 bytes. Every web node must share the key.
/// </summary>
internal sealed record JwtSettings(string Issuer, string Audience, SymmetricSecurityKey Key)
{
    /// <summary>Lifetime of an issued token: one hour.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <exception cref="InvalidOperationException">The key is missing, not base64, or shorter than 32 bytes.</exception>
    public static JwtSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var keyText = section["JwtSigningKey"];
        byte[] key;
        try
        {
            key = Convert.FromBase64String(keyText ?? "");
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("Auth:JwtSigningKey must be base64.", ex);
        }

        if (key.Length < 32)
        {
            throw new InvalidOperationException("Auth:JwtSigningKey must be base64 of at least 32 bytes; deploy/local/run.sh generates one.");
        }

        return new JwtSettings(section["JwtIssuer"] ?? "DualPrevention", section["JwtAudience"] ?? "DualPrevention.Api", new SymmetricSecurityKey(key));
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
    };
}
