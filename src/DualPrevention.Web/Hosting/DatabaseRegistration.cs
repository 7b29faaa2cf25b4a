using DualPrevention.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace DualPrevention.Web.Hosting;

/// <summary>The DbContext factory on the app-role connection, the migrator, and the Data Protection keys it stores.</summary>
internal static class DatabaseRegistration
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddDualPreventionData(builder.Configuration.AppConnectionString());
        builder.Services.AddSingleton<DatabaseMigrator>();

        // Keys in PostgreSQL: every web node reads the cookies and antiforgery tokens the others wrote.
        builder.Services.AddDataProtection()
            .SetApplicationName("DualPrevention")
            .PersistKeysToDbContext<DualPreventionDbContext>();
        return builder;
    }

    /// <summary><c>ConnectionStrings:App</c>, which logs in as the application role so that row-level security applies.</summary>
    public static string AppConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("App") is { } connectionString && !string.IsNullOrWhiteSpace(connectionString)
            ? connectionString
            : throw new InvalidOperationException("ConnectionStrings:App is not set; deploy/local/run.sh sets it for a local run.");
}
