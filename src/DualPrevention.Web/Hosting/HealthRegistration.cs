namespace DualPrevention.Web.Hosting;

/// <summary>Readiness checks (<c>/health/ready</c>): PostgreSQL and Hangfire's storage answer.</summary>
internal static class HealthRegistration
{
    public static WebApplicationBuilder AddReadinessChecks(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.AppConnectionString(builder.Configuration.DatabasePool().HealthMaxPoolSize, "dualprevention-health");
        builder.Services.AddHealthChecks()
            .AddNpgSql(connectionString, name: "postgresql", tags: ["ready"])
            .AddCheck<HangfireStorageHealthCheck>("hangfire-storage", tags: ["ready"]);
        return builder;
    }
}
