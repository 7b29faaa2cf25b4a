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
    /// <c>dp_scope_allows(enterprise_id, region_code)</c>, the predicate every policy uses. A missing or unknown
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

    /// <summary>Enables row-level security on a tenant-owned table: read and write only inside the scope.</summary>
    public static void EnableTenantPolicy(MigrationBuilder migrationBuilder, string table, string enterpriseColumn = "enterprise_id", string regionColumn = "region_code") =>
        migrationBuilder.Sql(
            $"""
            ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
            CREATE POLICY tenant_isolation ON {table}
              USING (dp_scope_allows({enterpriseColumn}, {regionColumn}))
              WITH CHECK (dp_scope_allows({enterpriseColumn}, {regionColumn}));
            """);

    /// <summary>Removes what <see cref="EnableTenantPolicy"/> created.</summary>
    public static void DisableTenantPolicy(MigrationBuilder migrationBuilder, string table) =>
        migrationBuilder.Sql(
            $"""
            DROP POLICY IF EXISTS tenant_isolation ON {table};
            ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
            """);
}
