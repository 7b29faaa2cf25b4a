using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedEmergencyMuster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_assembly_point",
                table: "zone",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "muster",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    started_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    start_persons = table.Column<int>(type: "integer", nullable: false),
                    start_at_assembly_point = table.Column<int>(type: "integer", nullable: false),
                    start_not_at_assembly_point = table.Column<int>(type: "integer", nullable: false),
                    start_unknown = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    close_persons = table.Column<int>(type: "integer", nullable: true),
                    close_at_assembly_point = table.Column<int>(type: "integer", nullable: true),
                    close_not_at_assembly_point = table.Column<int>(type: "integer", nullable: true),
                    close_unknown = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_muster", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_muster_enterprise_id_started_at",
                table: "muster",
                columns: new[] { "enterprise_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_muster_one_open_per_enterprise",
                table: "muster",
                column: "enterprise_id",
                unique: true,
                filter: "closed_at IS NULL");

            // Row-level security as the baseline's tenant_predicate (ADR 0012: literal text).
            migrationBuilder.Sql(
                """
                ALTER TABLE muster ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON muster
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);

            // Numbers within their ranges (ADR 0024): a roll counts people, never fewer than none.
            migrationBuilder.Sql(
                """
                ALTER TABLE muster ADD CONSTRAINT ck_muster_start_persons_in_range CHECK (start_persons >= 0 AND start_persons <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_start_at_assembly_point_in_range CHECK (start_at_assembly_point >= 0 AND start_at_assembly_point <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_start_not_at_assembly_point_in_range CHECK (start_not_at_assembly_point >= 0 AND start_not_at_assembly_point <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_start_unknown_in_range CHECK (start_unknown >= 0 AND start_unknown <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_close_persons_in_range CHECK (close_persons >= 0 AND close_persons <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_close_at_assembly_point_in_range CHECK (close_at_assembly_point >= 0 AND close_at_assembly_point <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_close_not_at_assembly_point_in_range CHECK (close_not_at_assembly_point >= 0 AND close_not_at_assembly_point <= 1000000);
                ALTER TABLE muster ADD CONSTRAINT ck_muster_close_unknown_in_range CHECK (close_unknown >= 0 AND close_unknown <= 1000000);
                """);

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE muster ADD CONSTRAINT ck_muster_started_at_in_world CHECK (started_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND started_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE muster ADD CONSTRAINT ck_muster_closed_at_in_world CHECK (closed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND closed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "muster");

            migrationBuilder.DropColumn(
                name: "is_assembly_point",
                table: "zone");
        }
    }
}
