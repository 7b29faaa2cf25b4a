using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllowedAnonymousSignInAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Client-made UUID v7 keys: inserts need no RETURNING, which row-level security would check against the
            // read policy. Existing identity values keep their order as zero-padded UUIDs.
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry ALTER COLUMN id DROP IDENTITY IF EXISTS;
                ALTER TABLE audit_entry ALTER COLUMN id TYPE uuid USING lpad(to_hex(id), 32, '0')::uuid;
                """);

            // Failed sign-ins happen before any scope exists and must still be recorded. The trail stays append-only
            // through grants: the application role has no UPDATE or DELETE on it.
            migrationBuilder.Sql(
                """
                DROP POLICY IF EXISTS audit_append ON audit_entry;
                CREATE POLICY audit_append ON audit_entry FOR INSERT WITH CHECK (true);
                """);

            // Entries about enterprise staff carry the enterprise but no region: a regulator sees them through the
            // enterprise, which its own row-level security already limits to the regulator's region.
            migrationBuilder.Sql(
                """
                DROP POLICY IF EXISTS audit_read ON audit_entry;
                CREATE POLICY audit_read ON audit_entry FOR SELECT USING (dp_scope_allows(
                  enterprise_id, coalesce(region_code, (SELECT e.region_code FROM enterprise e WHERE e.id = audit_entry.enterprise_id))));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP POLICY IF EXISTS audit_append ON audit_entry;
                CREATE POLICY audit_append ON audit_entry FOR INSERT WITH CHECK (coalesce(current_setting('app.scope_kind', true), 'none') <> 'none');
                DROP POLICY IF EXISTS audit_read ON audit_entry;
                CREATE POLICY audit_read ON audit_entry FOR SELECT USING (dp_scope_allows(enterprise_id, region_code));
                ALTER TABLE audit_entry ALTER COLUMN id TYPE bigint USING ('x' || right(replace(id::text, '-', ''), 16))::bit(64)::bigint;
                ALTER TABLE audit_entry ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
                """);
        }
    }
}
