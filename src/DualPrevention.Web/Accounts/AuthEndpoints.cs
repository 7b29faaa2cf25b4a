using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
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
        // Anonymous, so the sign-in refusals are its own answers: 401 for a wrong name or password or a locked account,
        // 403 while a one-time password waits to be changed, 429 with Retry-After when throttled.
        api.MapPost("/auth/token", IssueTokenAsync).AllowAnonymous().WithTags("Auth").WithSummary("Exchange user name and password for a one-hour bearer token")
            .WithName("IssueToken")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", (System.Security.Claims.ClaimsPrincipal user) =>
        {
            var actor = Actor.From(user);
            return new Me(actor.Scope.UserId, actor.Scope.UserName, actor.Roles, actor.Scope.Kind, actor.Scope.EnterpriseId, actor.Scope.RegionCode);
        }).WithTags("Auth").WithName("GetMe");
        return api;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest? request, HttpContext context, PasswordSignIn passwordSignIn, SignInManager<ApplicationUser> signIn, TokenIssuer issuer)
    {
        var outcome = await passwordSignIn.CheckAsync(request?.UserName, request?.Password, "token", context);
        if (outcome.RetryAfter is { } retryAfter)
        {
            var message = SignInThrottleRegistration.RefuseAsThrottled(context, retryAfter);
            return TypedResults.Problem(title: "Too many attempts", detail: message, statusCode: StatusCodes.Status429TooManyRequests);
        }

        if (outcome.User is not { } user)
        {
            // One answer for unknown names, wrong passwords and lockouts, so the endpoint does not reveal which names exist.
            return TypedResults.Problem(title: "Sign-in failed", detail: outcome.Refusal, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (user.MustChangePassword)
        {
            return TypedResults.Problem(title: "Password change required", detail: CoreText.Get("Login.MustChangePassword"), statusCode: StatusCodes.Status403Forbidden);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = issuer.Issue(principal);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresAt));
    }
}
