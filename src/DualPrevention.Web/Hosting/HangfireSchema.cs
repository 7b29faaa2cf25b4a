using Hangfire.PostgreSql;
using Npgsql;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Hangfire's tables, made or upgraded by the owner role at migrate time, right after <c>DatabaseMigrator</c>: the app
/// role only reads and writes them and may create nothing (ADR 0022), so the app never prepares the schema itself.
/// </summary>
public static class HangfireSchema
{
    public const string Name = "hangfire";

    /// <summary>Installs or upgrades Hangfire's objects in <see cref="Name"/>; idempotent, serialized by Hangfire's own lock.</summary>
    /// <param name="ownerConnectionString">Logs in as the role that owns the tables.</param>
    /// <param name="cancellationToken">Cancels opening the connection; the installation itself runs to its end.</param>
    public static async Task InstallAsync(string ownerConnectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        PostgreSqlObjectsInstaller.Install(connection, Name);
    }
}
