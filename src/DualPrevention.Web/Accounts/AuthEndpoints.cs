using DualPrevention.Core.Accounts;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace DualPrevention.Web.Accounts;

/// <summary><c>POST /api/v1/auth/token</c> for integrations and field devices, and <c>GET /api/v1/me</c>.</summary>
internal static class AuthEndpoints
{
    /// <summary>User name and password.</summary>
    public sealed record TokenRequest(string UserName, string Password);

    /// <summary>A bearer token valid until <paramref name="ExpiresAt"/> (UTC).</summary>
    public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

    /// <summary>Who the caller is and what they see.</summary>
    public sealed record Me(Guid? UserId, string? UserName, IReadOnlyCollection<string> Roles, TenantScopeKind ScopeKind, Guid? EnterpriseId, string? RegionCode);

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth").WithSummary("Exchange user name and password for a one-hour bearer token");
        api.MapGet("/me", (System.Security.Claims.ClaimsPrincipal user) =>
        {
            var actor = Actor.From(user);
            return new Me(actor.Scope.UserId, actor.Scope.UserName, actor.Roles, actor.Scope.Kind, actor.Scope.EnterpriseId, actor.Scope.RegionCode);
        }).WithTags("Auth");
        return api;
    }

    private static async Task<IResult> IssueTokenAsync(
        TokenRequest request, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, TokenIssuer issuer)
    {
        var user = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName);
        if (user is null)
        {
            return Results.Problem(title: "Sign-in failed", detail: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Results.Problem(title: "Locked out", detail: "Too many failed attempts; the account is locked for 15 minutes.", statusCode: StatusCodes.Status423Locked);
        }

        if (!result.Succeeded)
        {
            return Results.Problem(title: "Sign-in failed", detail: "Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (user.MustChangePassword)
        {
            return Results.Problem(title: "Password change required", detail: "Sign in to the web page and change the one-time password first.", statusCode: StatusCodes.Status403Forbidden);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = issuer.Issue(principal);
        return Results.Ok(new TokenResponse(token, "Bearer", expiresAt));
    }
}
