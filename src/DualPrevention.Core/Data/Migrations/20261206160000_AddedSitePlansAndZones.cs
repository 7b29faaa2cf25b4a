using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedSitePlansAndZones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "site_plan",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    image_width = table.Column<int>(type: "integer", nullable: false),
                    image_height = table.Column<int>(type: "integer", nullable: false),
                    origin_pixel_x = table.Column<double>(type: "double precision", nullable: false),
                    origin_pixel_y = table.Column<double>(type: "double precision", nullable: false),
                    metres_per_pixel = table.Column<double>(type: "double precision", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_site_plan", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "zone",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    site_plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    outline = table.Column<Polygon>(type: "geometry(Polygon, 0)", nullable: false),
                    risk_color = table.Column<int>(type: "integer", nullable: false),
                    is_fire_explosion_area = table.Column<bool>(type: "boolean", nullable: false),
                    max_occupancy = table.Column<int>(type: "integer", nullable: true),
                    min_occupancy = table.Column<int>(type: "integer", nullable: true),
                    allowed_person_types = table.Column<int>(type: "integer", nullable: false),
                    allowed_from = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    allowed_until = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    requires_escort = table.Column<bool>(type: "boolean", nullable: false),
                    static_alarm_seconds = table.Column<int>(type: "integer", nullable: true),
                    overstay_seconds = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zone", x => x.id);
                    table.ForeignKey(
                        name: "fk_zone_site_plan_site_plan_id",
                        column: x => x.site_plan_id,
                        principalTable: "site_plan",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "zone_major_hazard_link",
                columns: table => new
                {
                    zone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    major_hazard_source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zone_major_hazard_link", x => new { x.zone_id, x.major_hazard_source_id });
                    table.ForeignKey(
                        name: "fk_zone_major_hazard_link_major_hazard_sources_major_hazard_so",
                        column: x => x.major_hazard_source_id,
                        principalTable: "major_hazard_source",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_zone_major_hazard_link_zone_zone_id",
                        column: x => x.zone_id,
                        principalTable: "zone",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "zone_unit_link",
                columns: table => new
                {
                    zone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zone_unit_link", x => new { x.zone_id, x.unit_id });
                    table.ForeignKey(
                        name: "fk_zone_unit_link_risk_analysis_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "risk_analysis_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_zone_unit_link_zone_zone_id",
                        column: x => x.zone_id,
                        principalTable: "zone",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_site_plan_enterprise_id_name",
                table: "site_plan",
                columns: new[] { "enterprise_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_zone_outline",
                table: "zone",
                column: "outline")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_zone_site_plan_id_name",
                table: "zone",
                columns: new[] { "site_plan_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_zone_major_hazard_link_major_hazard_source_id",
                table: "zone_major_hazard_link",
                column: "major_hazard_source_id");

            migrationBuilder.CreateIndex(
                name: "ix_zone_unit_link_unit_id",
                table: "zone_unit_link",
                column: "unit_id");

            // Tenancy twice (ADR 0012, the Baseline's predicate copied): plans, zones and their links carry the enterprise.
            migrationBuilder.Sql(
                """
                ALTER TABLE site_plan ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON site_plan
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
                ALTER TABLE zone ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON zone
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
                ALTER TABLE zone_unit_link ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON zone_unit_link
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
                ALTER TABLE zone_major_hazard_link ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON zone_major_hazard_link
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

            // Numbers within their ranges (ADR 0024, the bounds of PositioningLimits); outlines valid simple polygons in
            // the plan's metres, SRID 0 (ADR 0029).
            migrationBuilder.Sql(
                """
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_image_width_in_range CHECK (image_width >= 1 AND image_width <= 20000);
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_image_height_in_range CHECK (image_height >= 1 AND image_height <= 20000);
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_origin_pixel_x_in_range CHECK (origin_pixel_x >= 0 AND origin_pixel_x <= 20000);
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_origin_pixel_y_in_range CHECK (origin_pixel_y >= 0 AND origin_pixel_y <= 20000);
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_metres_per_pixel_in_range CHECK (metres_per_pixel > 0 AND metres_per_pixel <= 100);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_risk_color_in_range CHECK (risk_color >= 1 AND risk_color <= 4);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_allowed_person_types_in_range CHECK (allowed_person_types >= 0 AND allowed_person_types <= 15);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_source_in_range CHECK (source >= 1 AND source <= 3);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_max_occupancy_in_range CHECK (max_occupancy >= 1 AND max_occupancy <= 10000);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_min_occupancy_in_range CHECK (min_occupancy >= 1 AND min_occupancy <= 10000 AND (max_occupancy IS NULL OR min_occupancy <= max_occupancy));
                ALTER TABLE zone ADD CONSTRAINT ck_zone_static_alarm_seconds_in_range CHECK (static_alarm_seconds >= 1 AND static_alarm_seconds <= 86400);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_overstay_seconds_in_range CHECK (overstay_seconds >= 1 AND overstay_seconds <= 86400);
                ALTER TABLE zone ADD CONSTRAINT ck_zone_allowed_hours_paired CHECK ((allowed_from IS NULL) = (allowed_until IS NULL));
                ALTER TABLE zone ADD CONSTRAINT ck_zone_outline_valid CHECK (ST_IsValid(outline) AND NOT ST_IsEmpty(outline) AND ST_Area(outline) > 0 AND ST_SRID(outline) = 0);
                """);

            // Instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE site_plan ADD CONSTRAINT ck_site_plan_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE zone ADD CONSTRAINT ck_zone_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "zone_major_hazard_link");

            migrationBuilder.DropTable(
                name: "zone_unit_link");

            migrationBuilder.DropTable(
                name: "zone");

            migrationBuilder.DropTable(
                name: "site_plan");

            // PostGIS stays: the superuser created it with the database (ADR 0029), and only it may drop it.
        }
    }
}
