using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace DualPrevention.Web.Accounts;

/// <summary>
/// Browser-session endpoints: sign out (POST with antiforgery) and switch the UI language. They answer pages with
/// redirects, not the API, so the OpenAPI document leaves them out.
/// </summary>
internal static class SessionEndpoints
{
    public static WebApplication MapSessionEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, RecordSignIn.Handler audit, IAntiforgery antiforgery) =>
        {
            // The endpoint binds no form, so the antiforgery middleware would let a forged cross-site sign-out through.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }

            if (await users.GetUserAsync(context.User) is { } user)
            {
                // A new stamp makes every copy of this user's cookie and tokens invalid, not only this browser's.
                await users.UpdateSecurityStampAsync(user);
                await audit.HandleAsync(new RecordSignIn.Command(user.UserName!, user.Id, AuditAction.SignOut, "web", context.Connection.RemoteIpAddress?.ToString()), context.RequestAborted);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?reason=signed-out");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext context, UserManager<ApplicationUser> users) =>
        {
            if (culture is null || !LocalizationRegistration.SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.BadRequest();
            }

            WriteCultureCookie(context, culture);
            if (context.User.UserId() is { } userId && await users.FindByIdAsync(userId.ToString()) is { } user)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(LocalUrls.OrHome(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Sets the culture cookie that RequestLocalization reads, for one year; Secure when the request came over HTTPS.</summary>
    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps });
}
