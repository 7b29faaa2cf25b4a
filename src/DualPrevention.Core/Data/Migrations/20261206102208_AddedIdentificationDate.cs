using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedIdentificationDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "identified_on",
                table: "risk_event",
                type: "date",
                nullable: true);

            // Every date column is held within the world (ADR 0016), as the constraints of HeldDatesWithinTheWorld.
            migrationBuilder.Sql(
                "ALTER TABLE risk_event ADD CONSTRAINT ck_risk_event_identified_on_in_world CHECK (identified_on BETWEEN DATE '2000-01-01' AND DATE '2100-12-31');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE risk_event DROP CONSTRAINT ck_risk_event_identified_on_in_world;");
            migrationBuilder.DropColumn(
                name: "identified_on",
                table: "risk_event");
        }
    }
}
