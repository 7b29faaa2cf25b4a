using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedUnitEmergencyPhoneAndMeasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "emergency_measures",
                table: "risk_analysis_unit",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "emergency_phone",
                table: "risk_analysis_unit",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_risk_analysis_unit_emergency_phone_format",
                table: "risk_analysis_unit",
                sql: "emergency_phone ~ '^[0-9+ -]{1,32}$'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_risk_analysis_unit_emergency_phone_format",
                table: "risk_analysis_unit");

            migrationBuilder.DropColumn(
                name: "emergency_measures",
                table: "risk_analysis_unit");

            migrationBuilder.DropColumn(
                name: "emergency_phone",
                table: "risk_analysis_unit");
        }
    }
}
