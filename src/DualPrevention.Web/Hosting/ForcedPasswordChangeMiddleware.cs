using DualPrevention.Core.Accounts;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// GB/T 22239-2019 level 3: an account created or reset by someone else can do nothing but change its password.
/// Pages redirect to the change page; the API answers 403 ProblemDetails; static files (styles, scripts) pass.
/// </summary>
internal sealed class ForcedPasswordChangeMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/change-password";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var mustChange = context.User.HasClaim(ScopeClaims.MustChangePassword, "true");
        if (!mustChange || path.StartsWithSegments(ChangePasswordPath) || path.StartsWithSegments("/account/logout")
            || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/health")
            || Path.HasExtension(path.Value))
        {
            await next(context);
            return;
        }

        if (path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Results.Problem(title: "Password change required", detail: "Change the one-time password before using the platform.", statusCode: 403)
                .ExecuteAsync(context);
            return;
        }

        context.Response.Redirect(ChangePasswordPath);
    }
}
