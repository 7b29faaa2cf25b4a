using Microsoft.EntityFrameworkCore.Migrations;

namespace DualPrevention.Core.Data;

/// <summary>
/// SQL that migrations use to put a table under tenant row-level security. The policies read the session
/// variables set by <see cref="Tenancy.TenantScopeConnectionInterceptor"/>; they bind every role but the
/// table owner, so the application must connect as a role that owns nothing.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>
    /// Creates <c>dp_region_prefix(code)</c> (same rule as <see cref="Regions.RegionCodes.Prefix"/>) and
    /// <c>dp_scope_allows(enterprise_id, region_code)</c>, the tenant rule; policies apply it as
    /// <see cref="TenantPredicate"/>, which reads the settings once per statement. A missing or unknown
    /// <c>app.scope_kind</c> allows nothing.
    /// </summary>
    public static void CreateScopeFunctions(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(
            """
            CREATE OR REPLACE FUNCTION dp_region_prefix(code text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
              SELECT CASE WHEN code LIKE '__0000' THEN left(code, 2)
                          WHEN code LIKE '____00' THEN left(code, 4)
                          ELSE code END
            $$;

            CREATE OR REPLACE FUNCTION dp_scope_allows(row_enterprise_id uuid, row_region_code text) RETURNS boolean
            LANGUAGE sql STABLE PARALLEL SAFE AS $$
              SELECT CASE coalesce(current_setting('app.scope_kind', true), 'none')
                WHEN 'system' THEN true
                WHEN 'enterprise' THEN row_enterprise_id IS NOT NULL
                  AND row_enterprise_id = nullif(current_setting('app.enterprise_id', true), '')::uuid
                WHEN 'region' THEN row_region_code IS NOT NULL
                  AND current_setting('app.region_code', true) ~ '^[0-9]{6}$'
                  AND starts_with(row_region_code, dp_region_prefix(current_setting('app.region_code', true)))
                ELSE false
              END
            $$;
            """);

    /// <summary>
    /// The tenant predicate of a policy: the rule of <c>dp_scope_allows</c>, with each session setting read in an
    /// uncorrelated sub-select. PostgreSQL evaluates those once per statement (InitPlans), so a row costs one
    /// comparison instead of the whole CASE with its <c>current_setting</c> calls and regular expression — ten times
    /// faster on a city's rows (ADR 0011). Only functions of the first row-level-security migration are used, so the
    /// migrations before <c>EvaluatedTenantScopeOncePerStatement</c> can emit it too. A missing or unknown scope
    /// matches nothing (each branch is false or null).
    /// </summary>
    /// <param name="enterpriseColumn">The row's enterprise id (uuid).</param>
    /// <param name="regionColumn">The row's county code, or an expression giving it (text).</param>
    public static string TenantPredicate(string enterpriseColumn = "enterprise_id", string regionColumn = "region_code") =>
        $$"""
        (SELECT current_setting('app.scope_kind', true) = 'system')
          OR {{enterpriseColumn}} = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                   WHERE current_setting('app.scope_kind', true) = 'enterprise')
          OR starts_with({{regionColumn}}, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                          WHERE current_setting('app.scope_kind', true) = 'region'
                                            AND current_setting('app.region_code', true) ~ '^[0-9]{6}$'))
        """;

    /// <summary>Enables row-level security on a tenant-owned table: read and write only inside the scope (<see cref="TenantPredicate"/>).</summary>
    public static void EnableTenantPolicy(MigrationBuilder migrationBuilder, string table, string enterpriseColumn = "enterprise_id", string regionColumn = "region_code") =>
        migrationBuilder.Sql(
            $"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table}
              USING ({TenantPredicate(enterpriseColumn, regionColumn)})
              WITH CHECK ({TenantPredicate(enterpriseColumn, regionColumn)});
            """);

    /// <summary>Removes what <see cref="EnableTenantPolicy"/> created.</summary>
    public static void DisableTenantPolicy(MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(
            $"""
            DROP POLICY IF EXISTS tenant_isolation ON {table};
            ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
            """);
}
