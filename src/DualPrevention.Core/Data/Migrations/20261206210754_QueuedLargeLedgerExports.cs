using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueuedLargeLedgerExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "kind",
                table: "report_export",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ledger_query",
                table: "report_export",
                type: "jsonb",
                nullable: true);

            // ADR 0024: an enum column holds only its members; a ledger export carries its filters (ADR 0035).
            migrationBuilder.Sql(
                """
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_kind_in_range CHECK (kind BETWEEN 0 AND 1);
                ALTER TABLE report_export ADD CONSTRAINT ck_report_export_ledger_query_with_kind CHECK ((kind = 1) = (ledger_query IS NOT NULL));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_ledger_query_with_kind;
                ALTER TABLE report_export DROP CONSTRAINT ck_report_export_kind_in_range;
                """);

            migrationBuilder.DropColumn(
                name: "kind",
                table: "report_export");

            migrationBuilder.DropColumn(
                name: "ledger_query",
                table: "report_export");
        }
    }
}
