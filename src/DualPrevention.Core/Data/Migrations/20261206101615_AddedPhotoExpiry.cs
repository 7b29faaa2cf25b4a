using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedPhotoExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                table: "photo",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_photo_uploaded_by_user_id_expires_at",
                table: "photo",
                columns: new[] { "uploaded_by_user_id", "expires_at" },
                filter: "expires_at IS NOT NULL");

            // Held within the world like every timestamp column (ADR 0016). Uploads already waiting unattached get the
            // day of retention new ones get (ADR 0021), so the clean-up job also removes those left before it existed.
            migrationBuilder.Sql(
                """
                UPDATE photo SET expires_at = uploaded_at + INTERVAL '1 day'
                WHERE record_id IS NULL AND hidden_danger_id IS NULL AND uploaded_at < TIMESTAMPTZ '2100-12-31 00:00:00+08';
                ALTER TABLE photo ADD CONSTRAINT ck_photo_expires_at_in_world CHECK (expires_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND expires_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE photo DROP CONSTRAINT ck_photo_expires_at_in_world;");

            migrationBuilder.DropIndex(
                name: "ix_photo_uploaded_by_user_id_expires_at",
                table: "photo");

            migrationBuilder.DropColumn(
                name: "expires_at",
                table: "photo");
        }
    }
}
