using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.Accounts;

/// <summary>Browser-session endpoints: sign out (POST with antiforgery) and switch the UI language.</summary>
internal static class SessionEndpoints
{
    public static WebApplication MapSessionEndpoints(this WebApplication app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login" + (string.IsNullOrEmpty(returnUrl) ? "" : "?reason=" + Uri.EscapeDataString(returnUrl)));
        }).AllowAnonymous();

        app.MapGet("/culture/set", async (string culture, string? returnUrl, HttpContext context, UserManager<ApplicationUser> users) =>
        {
            if (!ServiceRegistration.SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.BadRequest();
            }

            WriteCultureCookie(context, culture);
            if (context.User.UserId() is { } userId && await users.FindByIdAsync(userId.ToString()) is { } user)
            {
                user.PreferredCulture = culture;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Sets the culture cookie that RequestLocalization reads, for one year.</summary>
    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture))),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    private static bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
