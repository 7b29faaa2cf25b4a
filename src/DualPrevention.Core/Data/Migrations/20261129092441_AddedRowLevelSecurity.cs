using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedRowLevelSecurity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            RowLevelSecurity.CreateScopeFunctions(migrationBuilder);
            RowLevelSecurity.EnableTenantPolicy(migrationBuilder, "enterprise", enterpriseColumn: "id");

            // The audit trail is append-only and readable inside the scope; any signed-in scope may append.
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY;
                CREATE POLICY audit_read ON audit_entry FOR SELECT USING (dp_scope_allows(enterprise_id, region_code));
                CREATE POLICY audit_append ON audit_entry FOR INSERT WITH CHECK (coalesce(current_setting('app.scope_kind', true), 'none') <> 'none');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP POLICY IF EXISTS audit_read ON audit_entry;
                DROP POLICY IF EXISTS audit_append ON audit_entry;
                ALTER TABLE audit_entry DISABLE ROW LEVEL SECURITY;
                """);
            RowLevelSecurity.DisableTenantPolicy(migrationBuilder, "enterprise");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS dp_scope_allows(uuid, text); DROP FUNCTION IF EXISTS dp_region_prefix(text);");
        }
    }
}
