using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LoggedPositionViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // AuditAction.PositionsViewed (9): access to persons' positions is logged (docs/domain/positioning.md#45-retention-and-privacy).
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_action_in_range;
                ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_action_in_range CHECK (action BETWEEN 1 AND 9) NOT VALID;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_action_in_range;
                ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_action_in_range CHECK (action BETWEEN 1 AND 8) NOT VALID;
                """);
        }
    }
}
