using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedSitePlanImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "image_content_type",
                table: "site_plan",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "image_storage_key",
                table: "site_plan",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_scaled",
                table: "site_plan",
                type: "boolean",
                nullable: false,
                defaultValue: true); // Plans made before uploads were created with their scale.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "image_content_type",
                table: "site_plan");

            migrationBuilder.DropColumn(
                name: "image_storage_key",
                table: "site_plan");

            migrationBuilder.DropColumn(
                name: "is_scaled",
                table: "site_plan");
        }
    }
}
