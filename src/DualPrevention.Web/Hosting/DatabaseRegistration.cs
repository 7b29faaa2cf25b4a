using DualPrevention.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace DualPrevention.Web.Hosting;

/// <summary>The DbContext factory on the app-role connection, the migrator, and the Data Protection keys it stores.</summary>
internal static class DatabaseRegistration
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var pool = builder.Configuration.DatabasePool();
        builder.Services.AddDualPreventionData(builder.Configuration.AppConnectionString(pool.MaxPoolSize, "dualprevention"));
        builder.Services.AddSingleton<DatabaseMigrator>();

        // Keys in PostgreSQL: every web node reads the cookies and antiforgery tokens the others wrote.
        builder.Services.AddDataProtection()
            .SetApplicationName("DualPrevention")
            .PersistKeysToDbContext<DualPreventionDbContext>();
        return builder;
    }

    /// <summary>The pool sizes and wait (section <c>Database</c>).</summary>
    public static DatabasePoolOptions DatabasePool(this IConfiguration configuration) =>
        configuration.GetSection(DatabasePoolOptions.Section).Get<DatabasePoolOptions>() ?? new DatabasePoolOptions();

    /// <summary>
    /// <c>ConnectionStrings:App</c>, which logs in as the application role so that row-level security applies, for a pool
    /// of at most <paramref name="maxPoolSize"/> connections named <paramref name="applicationName"/> (as
    /// <c>pg_stat_activity</c> shows it), waiting at most <see cref="DatabasePoolOptions.ConnectionTimeoutSeconds"/>.
    /// </summary>
    public static string AppConnectionString(this IConfiguration configuration, int maxPoolSize, string applicationName)
    {
        var connectionString = configuration.GetConnectionString("App");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:App is not set; deploy/local/run.sh sets it for a local run.");
        }

        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = maxPoolSize,
            Timeout = configuration.DatabasePool().ConnectionTimeoutSeconds,
            ApplicationName = applicationName,
        }.ConnectionString;
    }
}
