using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.IntegrationTests.Tenancy;

/// <summary>
/// Every table of the public schema has row-level security, or its reason for having none is written here (ADR 0022).
/// A new table fails this test until it gets policies (copy the Baseline's literal form) or a reason.
/// </summary>
public class RowLevelSecurityCoverageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string ReadBeforeAScope =
        "person data that ASP.NET Core Identity reads before any scope exists: by name at sign-in, by id on every request " +
        "(security stamp) and for the roles and claims of the principal; who may list or change accounts is decided in " +
        "code by the actor's management boundary (ListAccounts.Visible, AccountPermissions)";

    private const string ReferenceData = "reference data of the whole platform, the same for every tenant, written only by the migrator or administrators";

    private static readonly Dictionary<string, string> WithoutRowLevelSecurity = new()
    {
        ["__ef_migrations_history"] = "migration bookkeeping, no tenant or person data; the app role may only read it",
        ["app_user"] = ReadBeforeAScope,
        ["app_user_role"] = ReadBeforeAScope,
        ["app_user_claim"] = ReadBeforeAScope,
        ["app_user_login"] = ReadBeforeAScope + " (external logins, unused)",
        ["app_user_token"] = ReadBeforeAScope + " (authenticator and recovery tokens)",
        ["app_role"] = "the six role names; " + ReferenceData,
        ["app_role_claim"] = "claims of the six roles; " + ReferenceData,
        ["data_protection_keys"] = "the keys that decrypt every sign-in cookie, read before any scope; no tenant or person data",
        ["region"] = "GB/T 2260 divisions; " + ReferenceData,
        ["chemical_park"] = "named chemical parks of a region; " + ReferenceData,
        ["risk_band_table"] = "a region's risk bands, read by every enterprise of it; " + ReferenceData,
        ["escalation_rule"] = "the escalation ladder; " + ReferenceData,
        ["holiday_calendar_day"] = "the State Council's working days; " + ReferenceData,
        ["major_hidden_danger_criterion"] = "the ministry's criteria; " + ReferenceData,
        ["permit_measure_template"] = "GB 30871-2022's measure checklists per operation type (ADR 0045); " + ReferenceData,
        ["spatial_ref_sys"] = "PostGIS's catalogue of spatial reference systems, created with the extension by the superuser and the same for every tenant (ADR 0029)",
        ["statistics_refresh_mark"] = "one timestamp per refresh job, no tenant or person data",
    };

    [Fact]
    public async Task Every_public_table_has_row_level_security_or_a_written_reason_and_no_reason_is_stale()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relrowsecurity ORDER BY 1",
            connection);
        var withoutPolicies = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                withoutPolicies.Add(reader.GetString(0));
            }
        }

        withoutPolicies.ShouldBe(WithoutRowLevelSecurity.Keys.Order(StringComparer.Ordinal), ignoreOrder: true);
    }
}
