using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// ASP.NET Core Identity with the GB/T 22239-2019 level 3 basics, sign-in by cookie (pages) or bearer token (API),
/// and the authorization policies of <see cref="Policies"/>.
/// </summary>
internal static class IdentityRegistration
{
    /// <summary>Authentication scheme that picks bearer tokens for "Authorization: Bearer" and the cookie otherwise.</summary>
    public const string CookieOrBearerScheme = "CookieOrBearer";

    public static WebApplicationBuilder AddIdentityAndSignIn(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<ApplicationUser, IdentityRole<Guid>>(options =>
            {
                // GB/T 22239-2019 level 3 (length 8–128, three character classes) is enforced, with messages in the user's
                // language, by ThreeCharacterClassesPasswordValidator; Identity's own English rules are switched off.
                options.Password.RequiredLength = 0;
                options.Password.RequiredUniqueChars = 0;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Failed sign-ins lock a name for the client that failed, not the account (SignInAttempts, ADR 0017);
                // Identity's lockout stays enabled for the managers' indefinite lock.
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<DualPreventionDbContext>()
            .AddUserManager<StampForgettingUserManager>()
            .AddClaimsPrincipalFactory<ScopedUserClaimsPrincipalFactory>()
            .AddPasswordValidator<ThreeCharacterClassesPasswordValidator>()
            .AddPasswordValidator<DeniedPasswordValidator>()
            .AddDefaultTokenProviders();

        // Every request re-reads the security stamp, so a lock, a password reset or a sign-out ends all sessions at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "dp.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // GB/T 22239-2019 level 3: sessions end after 30 minutes without activity.
            options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            options.SlidingExpiration = true;
            // The stamp check on every request renews nothing: each renewal is a ~0.9 KB Set-Cookie (and "no-store") on
            // every response of a page load. The window slides at most every 5 minutes, so a session ends 25–30 minutes
            // after its last request (ADR 0013).
            var validateStamp = options.Events.OnValidatePrincipal;
            options.Events.OnValidatePrincipal = async context =>
            {
                await validateStamp(context);
                context.ShouldRenew = false;
            };
            options.Events.OnCheckSlidingExpiration = context =>
            {
                context.ShouldRenew = context.ElapsedTime >= TimeSpan.FromMinutes(5);
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Antiforgery's own default never marks its cookie Secure; behind TLS it must be, like the sign-in cookie.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        AddBearerTokens(services, builder.Configuration);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddDualPreventionPolicies();
        return builder;
    }

    private static void AddBearerTokens(IServiceCollection services, IConfiguration configuration)
    {
        var jwt = JwtSettings.From(configuration);
        services.AddSingleton(jwt);
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SecurityStampCache>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultChallengeScheme = CookieOrBearerScheme;
                options.DefaultAuthenticateScheme = CookieOrBearerScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, CookieOrBearerScheme, options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? JwtBearerDefaults.AuthenticationScheme
                        : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = jwt.ValidationParameters();
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        // Checked against a per-node cache: a revocation reaches other nodes within SecurityStampCache.MaxAge.
                        var services = context.HttpContext.RequestServices;
                        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
                        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                        if (!await services.GetRequiredService<SecurityStampCache>().IsCurrentAsync(users, context.Principal!, stampClaim))
                        {
                            context.Fail("The account is locked or its credentials changed since the token was issued.");
                        }
                    },
                };
            });
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
