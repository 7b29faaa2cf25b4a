using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredNotificationsAsTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "arguments",
                table: "notification",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<string>(
                name: "template_key",
                table: "notification",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Rows written as text keep it: the StoredText notice shows its title and body as written (ADR 0018).
            migrationBuilder.Sql(
                """
                UPDATE notification SET template_key = 'StoredText', arguments = jsonb_build_object('title', title, 'body', body);
                """);

            migrationBuilder.DropColumn(
                name: "body",
                table: "notification");

            migrationBuilder.DropColumn(
                name: "title",
                table: "notification");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "body",
                table: "notification",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "notification",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Text survives; a template's arguments go back as their JSON, since SQL cannot render them.
            migrationBuilder.Sql(
                """
                UPDATE notification
                SET title = CASE WHEN template_key = 'StoredText' THEN arguments ->> 'title' ELSE template_key END,
                    body = left(CASE WHEN template_key = 'StoredText' THEN arguments ->> 'body' ELSE arguments::text END, 2000);
                """);

            migrationBuilder.DropColumn(
                name: "arguments",
                table: "notification");

            migrationBuilder.DropColumn(
                name: "template_key",
                table: "notification");
        }
    }
}
