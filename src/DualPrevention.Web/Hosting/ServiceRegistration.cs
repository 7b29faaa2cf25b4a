using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Web.Accounts;
using DualPrevention.Web.Jobs;
using DualPrevention.Web.Notifications;
using FluentValidation;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;

namespace DualPrevention.Web.Hosting;

/// <summary>Everything the host registers, in one place so Program.cs stays a table of contents.</summary>
internal static class ServiceRegistration
{
    /// <summary>Authentication scheme that picks bearer tokens for "Authorization: Bearer" and the cookie otherwise.</summary>
    public const string CookieOrBearerScheme = "CookieOrBearer";

    public static readonly CultureInfo[] SupportedCultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddDualPreventionServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var appConnectionString = configuration.GetConnectionString("App");
        if (string.IsNullOrWhiteSpace(appConnectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:App is not set; deploy/local/run.sh sets it for a local run.");
        }

        builder.Host.UseSerilog((context, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "DualPrevention")
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                new CompactJsonFormatter(),
                context.Configuration["Logging:FilePath"] ?? "logs/dualprevention-.json",
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30),
            preserveStaticLogger: true);

        var node = configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        services.Configure<NodeOptions>(configuration.GetSection(NodeOptions.Section));
        services.Configure<OperatingEffectRules>(configuration.GetSection("OperatingEffect"));

        services.AddSingleton(TimeProvider.System);
        services.AddDualPreventionData(appConnectionString);
        services.AddSingleton<DatabaseMigrator>();
        services.AddValidatorsFromAssemblyContaining<EnterpriseDetailsValidator>(includeInternalTypes: true);
        Core.Localization.FieldNames.Install();
        services.AddDualPreventionUseCases();
        services.AddNotificationChannels(configuration);

        // Photos live outside the database (Storage:PhotoDirectory; run.sh keeps them under .data/photos).
        var photoDirectory = configuration["Storage:PhotoDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.Environment.ContentRootPath, ".data", "photos");
        services.AddSingleton<IPhotoStore>(new LocalDiskPhotoStore(photoDirectory));

        // Report files likewise (Storage:ReportDirectory; run.sh keeps them under .data/reports).
        var reportDirectory = configuration["Storage:ReportDirectory"] is { Length: > 0 } reports
            ? reports
            : Path.Combine(builder.Environment.ContentRootPath, ".data", "reports");
        services.AddSingleton<IReportFileStore>(new LocalDiskReportFileStore(reportDirectory));
        services.AddSingleton<IReportExportScheduler, HangfireReportExportScheduler>();

        AddIdentity(services, configuration);
        services.AddDataProtection()
            .SetApplicationName("DualPrevention")
            .PersistKeysToDbContext<DualPreventionDbContext>();

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new ApiAcceptLanguageRequestCultureProvider()];
        });

        // Chinese pages stay readable (and smaller) when CJK is written as text, not as numeric entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Pages and API answers are compressed as they are written; static assets were compressed at publish (ADR 0013).
        // Also behind the TLS proxy: the secrets a page carries (antiforgery tokens, component state) are encrypted
        // afresh for every response and the SameSite cookie keeps other sites from replaying requests, which leaves a
        // BREACH-style attack nothing to recover.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, TenantScopeCircuitHandler>();
        services.AddMudServices();
        services.AddHttpContextAccessor();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = StatusProblemDetails.Describe);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // Nested use-case types share short names (RegisterEnterprise.Command, CreateAccount.Command): name schemas by both.
        services.AddOpenApi(options => options.CreateSchemaReferenceId = type =>
        {
            var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            return id is not null && type.Type.DeclaringType is { } outer ? outer.Name + id : id;
        });

        services.AddHealthChecks()
            .AddNpgSql(appConnectionString, name: "postgresql", tags: ["ready"])
            .AddCheck<HangfireStorageHealthCheck>("hangfire-storage", tags: ["ready"]);

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(appConnectionString),
                new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
        if (node.Jobs)
        {
            services.AddHangfireServer(options => options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}");
        }

        return builder;
    }

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration)
    {
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
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = false;
                options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddEntityFrameworkStores<DualPreventionDbContext>()
            .AddClaimsPrincipalFactory<ScopedUserClaimsPrincipalFactory>()
            .AddPasswordValidator<ThreeCharacterClassesPasswordValidator>()
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

        var jwt = JwtSettings.From(configuration);
        services.AddSingleton(jwt);
        services.AddSingleton<TokenIssuer>();
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
                        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                        var stampClaim = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
                        if (!await SessionValidity.IsCurrentAsync(users, context.Principal!, stampClaim))
                        {
                            context.Fail("The account is locked or its credentials changed since the token was issued.");
                        }
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(Policies.Regulator, policy => policy.RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer))
            .AddPolicy(Policies.AccountManager, policy => policy.RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer, Roles.EnterpriseAdmin))
            .AddPolicy(Policies.EnterpriseRegistrar, policy => policy.RequireRole(Roles.CityReviewer));
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The signed-in user's id, or null.</summary>
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
