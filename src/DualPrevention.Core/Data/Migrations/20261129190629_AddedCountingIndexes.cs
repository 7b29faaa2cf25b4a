using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedCountingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_risk_event_counted",
                table: "risk_event",
                column: "enterprise_id",
                filter: "NOT is_deleted")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "unit_id", "level" });

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_counted",
                table: "hidden_danger",
                column: "enterprise_id",
                filter: "NOT is_deleted AND state NOT IN (0, 5)")
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "state", "level", "deadline", "registered_at", "accepted_at", "closed_out_at", "source", "category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_risk_event_counted",
                table: "risk_event");

            migrationBuilder.DropIndex(
                name: "ix_hidden_danger_counted",
                table: "hidden_danger");
        }
    }
}
