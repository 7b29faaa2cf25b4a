using System.Net;
using Npgsql;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// The application role, after the app has started and used Hangfire: it owns nothing and may create nothing, so
/// row-level security binds it and a compromised app cannot plant functions or tables (ADR 0022). Session-private
/// temporary tables (the register import's staging, dropped at commit) are the one thing it makes.
/// </summary>
public class AppRolePrivilegeTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task After_the_app_has_started_the_app_role_owns_nothing_and_may_create_in_no_schema()
    {
        (await web.Factory.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var connection = new NpgsqlConnection(web.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH me AS (SELECT oid FROM pg_roles WHERE rolname = current_user)
            SELECT 'may create in schema ' || nspname FROM pg_namespace
              WHERE has_schema_privilege(oid, 'CREATE') AND nspname NOT LIKE 'pg\_temp\_%' AND nspname NOT LIKE 'pg\_toast\_temp\_%'
            UNION ALL SELECT 'owns schema ' || nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM me)
            UNION ALL SELECT 'owns relation ' || relname FROM pg_class WHERE relowner = (SELECT oid FROM me) AND relpersistence <> 't'
            UNION ALL SELECT 'owns function ' || proname FROM pg_proc WHERE proowner = (SELECT oid FROM me)
            UNION ALL SELECT 'may create schemas in the database' WHERE has_database_privilege(current_database(), 'CREATE')
            """, connection);
        var findings = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                findings.Add(reader.GetString(0));
            }
        }

        findings.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_function_planted_in_the_hangfire_schema_is_refused_while_Hangfire_tables_stay_usable()
    {
        await using var connection = new NpgsqlConnection(web.AppConnectionString);
        await connection.OpenAsync();

        await using var plant = new NpgsqlCommand("CREATE FUNCTION hangfire.dp_planted() RETURNS int LANGUAGE sql AS 'SELECT 1'", connection);
        (await Should.ThrowAsync<PostgresException>(() => plant.ExecuteNonQueryAsync())).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await using var use = new NpgsqlCommand("INSERT INTO hangfire.counter (key, value) VALUES ('dp:probe', 1); DELETE FROM hangfire.counter WHERE key = 'dp:probe'", connection);
        await use.ExecuteNonQueryAsync();
    }
}
