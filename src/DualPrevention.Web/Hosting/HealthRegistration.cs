namespace DualPrevention.Web.Hosting;

/// <summary>Readiness checks (<c>/health/ready</c>): PostgreSQL and Hangfire's storage answer.</summary>
internal static class HealthRegistration
{
    public static WebApplicationBuilder AddReadinessChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddNpgSql(builder.Configuration.AppConnectionString(), name: "postgresql", tags: ["ready"])
            .AddCheck<HangfireStorageHealthCheck>("hangfire-storage", tags: ["ready"]);
        return builder;
    }
}
