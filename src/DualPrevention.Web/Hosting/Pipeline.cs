using DualPrevention.Core.Data;
using DualPrevention.Core.Demo;
using DualPrevention.Web.Jobs;
using DualPrevention.Web.Shell;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Serilog;

namespace DualPrevention.Web.Hosting;

/// <summary>The request pipeline and start-up database work.</summary>
internal static class Pipeline
{
    /// <summary>
    /// With <c>Database:MigrateOnStartup</c>, migrates as the owner (<c>ConnectionStrings:Owner</c>), installs
    /// Hangfire's tables and grants <c>Database:AppRole</c>; with <c>Demo:SeedOnStartup</c>, seeds the demo and its 60-day story (once) and prints
    /// the demo logins once the server listens.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            var owner = configuration.GetConnectionString("Owner");
            if (string.IsNullOrWhiteSpace(owner))
            {
                throw new InvalidOperationException("Database:MigrateOnStartup needs ConnectionStrings:Owner.");
            }

            await app.Services.GetRequiredService<DatabaseMigrator>()
                .MigrateAsync(owner, configuration["Database:AppRole"] ?? "dp_app", app.Lifetime.ApplicationStopping);
            await HangfireSchema.InstallAsync(owner, app.Lifetime.ApplicationStopping);
        }

        if (configuration.GetValue<bool>("Demo:SeedOnStartup"))
        {
            var password = configuration["Demo:Password"];
            if (string.IsNullOrWhiteSpace(password))
            {
                throw new InvalidOperationException("Demo:SeedOnStartup needs Demo:Password.");
            }

            await using var scope = app.Services.CreateAsyncScope();
            var logins = await scope.ServiceProvider.GetRequiredService<SeedDemoData>().RunAsync(password, withSampleRiskRegister: true, app.Lifetime.ApplicationStopping);
            await scope.ServiceProvider.GetRequiredService<SeedDemoStory>().RunAsync(app.Lifetime.ApplicationStopping);
            app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, logins, password));
        }
    }

    public static WebApplication UseDualPreventionPipeline(this WebApplication app)
    {
        var node = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Routing here, not implicitly before everything, so the static assets (short-circuited below) still carry the
        // security headers; they skip the rest: no request log, no sign-in check, and above all no cookie renewal,
        // whose "no-cache,no-store" would make a signed-in phone download every asset again on each visit (ADR 0013).
        app.UseRouting();
        app.UseResponseCompression();

        // Outside the exception handler, so a refused request is logged with the status the client got.
        app.UseSerilogRequestLogging(options => options.EnrichDiagnosticContext = (diagnostics, context) =>
        {
            // The request's log event is written outside TenantScopeMiddleware, so it names the user itself.
            var scope = Core.Tenancy.PrincipalScope.From(context.User);
            diagnostics.Set("UserName", scope.UserName);
            diagnostics.Set("EnterpriseId", scope.EnterpriseId);
            diagnostics.Set("RegionCode", scope.RegionCode);
            diagnostics.Set("CorrelationId", context.TraceIdentifier);
        });
        // Before the error handlers, so the ProblemDetails they write speak the request's language.
        app.UseRequestLocalization();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Refusals answered as 4xx ProblemDetails are expected outcomes, not server errors.
            SuppressDiagnosticsCallback = context => context.ExceptionHandledBy == Microsoft.AspNetCore.Diagnostics.ExceptionHandledType.ExceptionHandlerService,
        });
        app.UseStatusCodePages();
        // After the forwarded headers (the client's own address) and localization (the refusal's language).
        app.UseRateLimiter();

        app.ScheduleRecurringJobs();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = ReadinessReport.WriteAsync }).AllowAnonymous();
        if (!node.Web)
        {
            return app;
        }

        app.UseAuthentication();
        app.UseMiddleware<TenantScopeMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<ForcedPasswordChangeMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().ShortCircuit();
        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference().AllowAnonymous();
        }

        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization(Policies.Admin);

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<RequiredBodyMembersFilter>();
        api.AddEndpointFilter<WorldDatesFilter>();
        app.MapEndpointGroups(api);

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => CircuitMemory.ConfigureWebSocket(options, app.Configuration));
        return app;
    }
}
