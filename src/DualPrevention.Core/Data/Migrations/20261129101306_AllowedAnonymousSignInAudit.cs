using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllowedAnonymousSignInAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "audit_entry_hilo",
                incrementBy: 10);

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "audit_entry",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            // Blocks handed out from now on start above every id the identity column gave.
            migrationBuilder.Sql("SELECT setval('audit_entry_hilo', coalesce((SELECT max(id) FROM audit_entry), 0) + 1, false);");

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
                """);

            migrationBuilder.DropSequence(
                name: "audit_entry_hilo");

            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "audit_entry",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);
        }
    }
}
