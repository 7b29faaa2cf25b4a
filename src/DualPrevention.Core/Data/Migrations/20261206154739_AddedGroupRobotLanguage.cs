using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedGroupRobotLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "group_robot",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "zh-CN");

            // The languages a group's posts are written in (ADR 0019), like a number within its range (ADR 0024).
            migrationBuilder.Sql("ALTER TABLE group_robot ADD CONSTRAINT ck_group_robot_language_in_range CHECK (language IN ('zh-CN', 'en'));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE group_robot DROP CONSTRAINT ck_group_robot_language_in_range;");
            migrationBuilder.DropColumn(
                name: "language",
                table: "group_robot");
        }
    }
}
