using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedCameras : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "camera",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    device_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stream_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    site_plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<Point>(type: "geometry(Point, 0)", nullable: true),
                    zone_id = table.Column<Guid>(type: "uuid", nullable: true),
                    vendor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    has_analytics = table.Column<bool>(type: "boolean", nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_camera", x => x.id);
                    table.ForeignKey(
                        name: "fk_camera_site_plan_site_plan_id",
                        column: x => x.site_plan_id,
                        principalTable: "site_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_camera_zone_zone_id",
                        column: x => x.zone_id,
                        principalTable: "zone",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_camera_enterprise_id_device_id",
                table: "camera",
                columns: new[] { "enterprise_id", "device_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_camera_site_plan_id",
                table: "camera",
                column: "site_plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_camera_zone_id",
                table: "camera",
                column: "zone_id");

            // Tenancy twice (ADR 0002/0012): the baseline's predicate, copied.
            migrationBuilder.Sql(
                """
                ALTER TABLE camera ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON camera
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

            // GB/T 28181-2016 Appendix D: 20 digits (the type code is the validator's, it may widen).
            migrationBuilder.Sql("ALTER TABLE camera ADD CONSTRAINT ck_camera_device_id_digits CHECK (device_id ~ '^[0-9]{20}$');");

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE camera ADD CONSTRAINT ck_camera_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE camera ADD CONSTRAINT ck_camera_retired_at_in_world CHECK (retired_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND retired_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "camera");
        }
    }
}
